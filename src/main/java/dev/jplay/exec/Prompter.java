package dev.jplay.exec;

/**
 * Asks the person running jplay (vars_prompt, pause, --step). The CLI answers from the terminal; runs without a
 * terminal get defaults.
 */
public interface Prompter {
    /** Shows {@code message} and returns the line typed (hidden when {@code echo} is false), or null without a terminal. */
    String ask(String message, boolean echo);

    /** Is there someone to ask (a terminal)? Without, Ansible asks nothing and says so. */
    default boolean interactive() {
        return true;
    }

    /** A prompter for runs without a terminal: no answers. */
    Prompter NONE = new Prompter() {
        @Override
        public String ask(String message, boolean echo) {
            return null;
        }

        @Override
        public boolean interactive() {
            return false;
        }
    };
}
