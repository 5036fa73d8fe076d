package dev.jplay.modules.facts;

import dev.jplay.connection.ConnectionException;
import dev.jplay.modules.ArgConverter;
import dev.jplay.modules.Module;
import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleContext;
import dev.jplay.modules.ModuleResult;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code gather_facts}: runs the fact module ({@code setup}, the only one of Ansible's {@code FACTS_MODULES} that
 * jplay has) with the play's {@code gather_subset}, {@code gather_timeout} and {@code fact_path} from module_defaults
 * style arguments. {@code parallel} is accepted: one host's facts are always one round trip.
 */
public final class GatherFacts implements Module {
    private final Setup setup;
    private final ModuleSpec spec;

    public GatherFacts(Setup setup) {
        this.setup = setup;
        ModuleSpec.Builder b = ModuleSpec.builder("gather_facts")
                .doc("Gathers facts about remote hosts", "Runs the configured facts modules (setup) and returns their facts.")
                .param(Param.of("parallel").bool().doc("Run the facts modules in parallel (one round trip either way)."))
                .returns("ansible_facts", "the facts", "always").performance("1 round trip");
        for (Param p : setup.spec().params()) b.param(p);
        this.spec = b.build();
    }

    @Override
    public ModuleSpec spec() {
        return spec;
    }

    @Override
    public ModuleResult run(ModuleArgs args, ModuleContext ctx) throws ConnectionException {
        Map<String, Object> raw = new LinkedHashMap<>(args.all());
        raw.remove("parallel");
        return setup.run(ArgConverter.convert(setup.spec(), raw), ctx);
    }
}
