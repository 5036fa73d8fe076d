package dev.jplay.cli;

import dev.jplay.exec.Prompter;
import java.io.Console;

/**
 * Answers prompts (pause, vars_prompt, --step) from the terminal jplay runs on: only when both its input and output
 * are a terminal, as Ansible asks only then; otherwise there is no answer and the caller goes on without one.
 */
final class TerminalPrompter implements Prompter {
    private final Console console;

    private TerminalPrompter(Console console) {
        this.console = console;
    }

    /** The terminal's prompter, or {@link Prompter#NONE} when jplay does not run on a terminal. */
    static Prompter ofTerminal() {
        Console c = System.console();
        return c == null ? Prompter.NONE : new TerminalPrompter(c);
    }

    @Override
    public synchronized String ask(String message, boolean echo) {
        console.flush();
        if (echo) return console.readLine("%s ", message);
        char[] typed = console.readPassword("%s ", message);
        return typed == null ? null : new String(typed);
    }
}
