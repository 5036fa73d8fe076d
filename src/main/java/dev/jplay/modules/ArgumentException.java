package dev.jplay.modules;

/** Arguments that do not fit a module's spec. The message reads like Ansible's ("Unsupported parameters for ..."). */
public class ArgumentException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String param;

    public ArgumentException(String message, String param) {
        super(message);
        this.param = param;
    }

    /** The parameter at fault, or null when the problem is the combination. */
    public String param() {
        return param;
    }
}
