package dev.jplay.template;

/** Text marked safe for HTML ({@code escape}, {@code safe}, {@code urlize}, {@code xmlattr}): the {@code escaped} test is true for it. */
record Markup(String text) implements CharSequence {
    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Jinja2's {@code escape}: {@code & < > ' "} as entities; Markup stays as it is. */
    static Markup escape(Object v) {
        if (v instanceof Markup m) return m;
        String s = PyOps.str(v);
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\'' -> sb.append("&#39;");
                case '"' -> sb.append("&#34;");
                default -> sb.append(c);
            }
        }
        return new Markup(sb.toString());
    }
}
