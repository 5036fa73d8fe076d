package dev.jplay.modules.commands;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits {@code expect}'s command into words the way pexpect does (its {@code split_command_line}), which is not a
 * shell and not Python's shlex: a backslash escapes the next character outside quotes only; single and double
 * quotes group alike, with no escapes inside; whitespace ends a word, and whitespace at the very start yields an
 * empty first word (which then names no program).
 */
final class ExpectWords {
    private ExpectWords() {}

    private enum State { BASIC, ESCAPE, SINGLE, DOUBLE, SPACE }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        State state = State.BASIC;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            switch (state) {
                case BASIC, SPACE -> {
                    if (c == '\\') state = State.ESCAPE;
                    else if (c == '\'') state = State.SINGLE;
                    else if (c == '"') state = State.DOUBLE;
                    else if (Character.isWhitespace(c)) {
                        if (state == State.BASIC) {
                            words.add(word.toString());
                            word.setLength(0);
                            state = State.SPACE;
                        }
                    } else {
                        word.append(c);
                        state = State.BASIC;
                    }
                }
                case ESCAPE -> {
                    word.append(c);
                    state = State.BASIC;
                }
                case SINGLE -> {
                    if (c == '\'') state = State.BASIC;
                    else word.append(c);
                }
                case DOUBLE -> {
                    if (c == '"') state = State.BASIC;
                    else word.append(c);
                }
            }
        }
        if (word.length() > 0) words.add(word.toString());
        return words;
    }
}
