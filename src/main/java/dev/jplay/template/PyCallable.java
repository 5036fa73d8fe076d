package dev.jplay.template;

import java.util.List;
import java.util.Map;

/** Something an expression can call: a global ({@code range}, {@code lookup}), a bound method, a macro. */
interface PyCallable {
    Object call(Env env, List<Object> args, Map<String, Object> kwargs);
}
