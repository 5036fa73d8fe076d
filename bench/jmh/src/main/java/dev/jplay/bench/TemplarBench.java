package dev.jplay.bench;

import dev.jplay.template.Scope;
import dev.jplay.template.Templar;
import dev.jplay.template.TemplateContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The template engine's hot paths, as a run uses them: a {@code when:} condition whose parsed form is cached
 * (the same task on many hosts), a one-expression value, and a string with two expressions and a filter.
 */
@State(org.openjdk.jmh.annotations.Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TemplarBench {
    private final Templar templar = new Templar();
    private TemplateContext ctx;

    @Setup
    public void setup() {
        Map<String, Object> vars = Map.of(
                "inventory_hostname", "node1",
                "groups", Map.of("master", List.of("master1"), "nodes", List.of("node1", "node2")),
                "ansible_distribution", "Ubuntu",
                "ansible_distribution_version", "22.04",
                "k8s_version", "1.30.2",
                "swap", Map.of("stdout", "0"));
        ctx = new TemplateContext(Scope.of(vars), List.of(), null);
    }

    @Benchmark
    public boolean whenCondition() {
        return templar.condition("inventory_hostname in groups['nodes'] and ansible_distribution == 'Ubuntu'", ctx);
    }

    @Benchmark
    public boolean whenWithFilterAndTest() {
        return templar.condition("swap.stdout | int == 0 and k8s_version is version('1.28', '>=')", ctx);
    }

    @Benchmark
    public Object singleExpressionValue() {
        return templar.template("{{ groups['nodes'] | length }}", ctx);
    }

    @Benchmark
    public Object stringWithTwoExpressions() {
        return templar.template("kubeadm=={{ k8s_version }}-1.1 on {{ inventory_hostname | upper }}", ctx);
    }
}
