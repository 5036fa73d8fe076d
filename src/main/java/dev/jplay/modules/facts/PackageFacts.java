package dev.jplay.modules.facts;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import dev.jplay.modules.ParamType;
import dev.jplay.modules.probes.Probes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code package_facts}: installed packages as the {@code packages} fact, from {@code dpkg-query} (apt) and
 * {@code rpm -qa} (rpm), without Python's apt or rpm bindings. An apt package's {@code origin} is dpkg's Origin
 * field, else the distribution's name (what apt reports for packages from the distribution's archive).
 */
public final class PackageFacts implements Module {
    private static final String DPKG = "dpkg-query -W -f='${db:Status-Abbrev}\\t${Package}\\t${Version}\\t${Architecture}\\t${Section}\\t${Origin}\\n'";
    private static final String RPM = "rpm -qa --qf '%{NAME}\\t%{VERSION}\\t%{RELEASE}\\t%{EPOCH}\\t%{ARCH}\\n'";
    private static final ModuleSpec SPEC = ModuleSpec.builder("package_facts")
            .doc("Package information as facts", "Returns the installed packages as the fact 'packages': each name with a list of "
                    + "its installed versions (name, version, arch, source, and release/epoch for rpm, category/origin for apt).")
            .param(Param.of("manager").list(ParamType.STR).def(List.of("auto")).doc("auto, apt, rpm."))
            .param(Param.of("strategy").str().def("first").choices("first", "all").doc("Use the first manager found, or all of them."))
            .returns("ansible_facts", "packages", "always").performance("1 round trip").build();

    @Override
    public ModuleSpec spec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleArgs a, ModuleContext ctx) throws ConnectionException {
        List<String> wanted = a.strings("manager");
        for (String m : wanted) {
            if (!List.of("auto", "apt", "rpm").contains(m)) {
                return ModuleResult.failed("Unsupported package manager(s): " + m + " (jplay knows apt and rpm)");
            }
        }
        boolean auto = wanted.contains("auto");
        List<Probes.Part> p = Probes.run(ctx, "command -v dpkg-query >/dev/null && " + DPKG, "command -v rpm >/dev/null && " + RPM,
                ". /etc/os-release 2>/dev/null; printf '%s' \"$NAME\" | cut -d' ' -f1");
        Map<String, Object> packages = new TreeMap<>();
        List<String> found = new ArrayList<>();
        if ((auto || wanted.contains("apt")) && p.get(0).ok()) {
            found.add("apt");
            for (String l : p.get(0).lines()) apt(l, p.get(2).out().strip(), packages);
        }
        boolean first = a.str("strategy").equals("first");
        if ((wanted.contains("rpm") || auto && !(first && !found.isEmpty())) && p.get(1).ok()) {
            found.add("rpm");
            for (String l : p.get(1).lines()) rpm(l, packages);
        }
        if (found.isEmpty()) {
            return ModuleResult.failed("Could not detect a supported package manager from the following list: " + wanted
                    + ", or the required Python library is not installed. Check warnings for details.");
        }
        return ModuleResult.ok().put("ansible_facts", Map.of("packages", packages));
    }

    private static void apt(String line, String distro, Map<String, Object> out) {
        String[] f = line.split("\t", -1);
        if (f.length < 6 || !f[0].startsWith("ii")) return;
        Map<String, Object> p = new TreeMap<>();
        p.put("arch", f[3]);
        p.put("category", f[4]);
        p.put("name", f[1]);
        p.put("origin", f[5].isEmpty() ? distro : f[5]);
        p.put("source", "apt");
        p.put("version", f[2]);
        add(out, f[1], p);
    }

    private static void rpm(String line, Map<String, Object> out) {
        String[] f = line.split("\t", -1);
        if (f.length < 5) return;
        Map<String, Object> p = new TreeMap<>();
        p.put("arch", f[4]);
        p.put("epoch", f[3].equals("(none)") ? null : Long.valueOf(f[3]));
        p.put("name", f[0]);
        p.put("release", f[2]);
        p.put("source", "rpm");
        p.put("version", f[1]);
        add(out, f[0], p);
    }

    @SuppressWarnings("unchecked")
    private static void add(Map<String, Object> out, String name, Map<String, Object> p) {
        ((List<Object>) out.computeIfAbsent(name, k -> new ArrayList<>())).add(p);
    }

    /** For tests: the packages fact from dpkg-query and rpm outputs as this module reads them. */
    static Map<String, Object> parse(String dpkg, String rpm, String distro) {
        Map<String, Object> out = new TreeMap<>();
        for (String l : dpkg.split("\n")) apt(l, distro, out);
        for (String l : rpm.split("\n")) rpm(l, out);
        return out;
    }
}
