package dev.jplay.template;

import dev.jplay.source.SourceException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a filter, test, lookup or call and turns anything Java would say into what Python would: a Java exception
 * from a value of an unexpected type becomes a type error naming Python types, never a Java class.
 */
final class Guard {
    private static final Pattern CAST = Pattern.compile("class ([\\w.$]+) cannot be cast to class ([\\w.$]+)");
    private static final Map<String, String> TYPES = Map.ofEntries(Map.entry("String", "str"), Map.entry("Long", "int"),
            Map.entry("Integer", "int"), Map.entry("BigInteger", "int"), Map.entry("Number", "int"), Map.entry("Double", "float"),
            Map.entry("Boolean", "bool"), Map.entry("CharSequence", "str"), Map.entry("Markup", "str"), Map.entry("Tuple", "tuple"),
            Map.entry("List", "list"), Map.entry("ArrayList", "list"), Map.entry("Map", "dict"), Map.entry("LinkedHashMap", "dict"),
            Map.entry("YamlMap", "dict"), Map.entry("YamlList", "list"), Map.entry("Collection", "list"));

    private Guard() {}

    interface Body<T> {
        T run();
    }

    static <T> T run(Body<T> body, int pos, Object what) {
        try {
            return body.run();
        } catch (EvalError e) {
            throw e.at(pos);
        } catch (TemplateException | Stmt.LoopControl e) {
            throw e;
        } catch (SourceException e) {
            throw new EvalError(e.getMessage(), pos);
        } catch (StackOverflowError e) {
            throw new EvalError("maximum recursion depth exceeded while templating", pos);
        } catch (ArithmeticException e) {
            throw new EvalError("integer division or modulo by zero", pos);
        } catch (RuntimeException e) {
            throw EvalError.type(describe(e, what), pos);
        }
    }

    /**
     * What a Java exception that escaped evaluation (a value of an unexpected type somewhere) becomes: a type error
     * in Python's words, never a Java class name.
     */
    static EvalError escaped(RuntimeException e) {
        if (e instanceof EvalError ev) return ev;
        if (e instanceof Stmt.LoopControl) return new EvalError("'break' or 'continue' outside of a loop");
        if (e instanceof ArithmeticException) return new EvalError("integer division or modulo by zero");
        return EvalError.type(describe(e, "template"));
    }

    /** A Python-style message for a Java exception raised by {@code what} (a filter or test name, or a callable). */
    static String describe(RuntimeException e, Object what) {
        String name = what instanceof String s ? s + "()" : "call";
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof ClassCastException) {
            Matcher c = CAST.matcher(m);
            if (c.find()) return name + " expected " + python(c.group(2)) + ", got " + python(c.group(1));
            return name + " got an argument of the wrong type";
        }
        if (e instanceof NumberFormatException) return name + " got an invalid number: " + m.replace("For input string: ", "");
        if (e instanceof NullPointerException) return name + " got None where a value is needed";
        if (e instanceof IndexOutOfBoundsException) return name + ": index out of range";
        return name + " failed: " + (m.isEmpty() ? "bad argument" : m.replaceAll("java\\.[\\w.]+\\.", ""));
    }

    private static String python(String javaClass) {
        String simple = javaClass.substring(javaClass.lastIndexOf('.') + 1);
        return TYPES.getOrDefault(simple, simple.toLowerCase(java.util.Locale.ROOT));
    }
}
