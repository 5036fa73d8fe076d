package dev.jplay.exec;

/**
 * Asks the person running jplay (vars_prompt, pause, --step). The CLI answers from the terminal; runs without a
 * terminal get defaults.
 */
public interface Prompter {
    /** Shows {@code message} and returns the line typed (hidden when {@code echo} is false), or null without a terminal. */
    String ask(String message, boolean echo);

    /** A prompter for runs without a terminal: no answers. */
    Prompter NONE = (message, echo) -> null;
}
