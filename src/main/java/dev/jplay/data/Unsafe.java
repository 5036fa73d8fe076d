package dev.jplay.data;

/**
 * A string that must never be templated ({@code !unsafe} in YAML, and text that came back from a host).
 * It prints as its value.
 */
public record Unsafe(String value) implements CharSequence {
    @Override
    public int length() {
        return value.length();
    }

    @Override
    public char charAt(int index) {
        return value.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return value.subSequence(start, end);
    }

    @Override
    public String toString() {
        return value;
    }
}
