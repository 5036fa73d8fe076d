package dev.jplay.template;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Splits a Jinja2 expression into tokens; positions are offsets into the whole template text. */
final class Tokenizer {
    private static final String[] OPS = {"**", "//", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "~", "<", ">",
        "(", ")", "[", "]", "{", "}", ",", ".", ":", "|", "=", ";"};

    private Tokenizer() {}

    static List<Token> tokenize(String text, int from, int to) {
        List<Token> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (PyOps.isSpace(c)) {
                i++;
            } else if (Character.isLetter(c) || c == '_') {
                int s = i;
                while (i < to && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
                String w = text.substring(s, i);
                out.add(new Token(Token.Kind.NAME, w, w, s));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < to && Character.isDigit(text.charAt(i + 1))
                    && (out.isEmpty() || !endsOperand(out.get(out.size() - 1))))) {
                i = number(text, i, to, out);
            } else if (c == '\'' || c == '"') {
                i = string(text, i, to, out);
            } else {
                boolean matched = false;
                for (String op : OPS) {
                    if (text.startsWith(op, i) && i + op.length() <= to) {
                        out.add(new Token(Token.Kind.OP, op, op, i));
                        i += op.length();
                        matched = true;
                        break;
                    }
                }
                if (!matched) throw new ParseError("unexpected char '" + c + "'", i);
            }
        }
        out.add(new Token(Token.Kind.EOF, "", null, to));
        return out;
    }

    private static boolean endsOperand(Token t) {
        return t.kind() == Token.Kind.NAME || t.kind() == Token.Kind.INT || t.kind() == Token.Kind.FLOAT
                || t.kind() == Token.Kind.STRING || t.isOp(")") || t.isOp("]") || t.isOp("}");
    }

    private static int number(String text, int i, int to, List<Token> out) {
        int s = i;
        boolean isFloat = false;
        while (i < to && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
        if (i < to && text.charAt(i) == '.' && i + 1 < to && Character.isDigit(text.charAt(i + 1))) {
            isFloat = true;
            i++;
            while (i < to && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
        }
        if (i < to && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int j = i + 1;
            if (j < to && (text.charAt(j) == '+' || text.charAt(j) == '-')) j++;
            if (j < to && Character.isDigit(text.charAt(j))) {
                isFloat = true;
                i = j;
                while (i < to && Character.isDigit(text.charAt(i))) i++;
            }
        }
        String num = text.substring(s, i).replace("_", "");
        if (isFloat) {
            out.add(new Token(Token.Kind.FLOAT, num, Double.parseDouble(num), s));
        } else {
            BigInteger b = new BigInteger(num);
            out.add(new Token(Token.Kind.INT, num, b.bitLength() < 64 ? (Object) b.longValue() : b, s));
        }
        return i;
    }

    private static int string(String text, int i, int to, List<Token> out) {
        char q = text.charAt(i);
        int s = i++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (i >= to) throw new ParseError("unexpected end of string", s);
            char c = text.charAt(i++);
            if (c == q) break;
            if (c != '\\' || i >= to) {
                sb.append(c);
                continue;
            }
            char e = text.charAt(i++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '0' -> sb.append('\0');
                case '\\', '\'', '"' -> sb.append(e);
                case 'u' -> {
                    sb.append((char) Integer.parseInt(text.substring(i, i + 4), 16));
                    i += 4;
                }
                case 'x' -> {
                    sb.append((char) Integer.parseInt(text.substring(i, i + 2), 16));
                    i += 2;
                }
                default -> sb.append('\\').append(e);
            }
        }
        out.add(new Token(Token.Kind.STRING, text.substring(s, i), sb.toString(), s));
        return i;
    }
}
