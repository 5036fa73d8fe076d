package dev.jplay.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.source.Loc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ini lookup on keys without a value, as ansible-core 2.14 (its lookup_ini target). */
class IniLookupTest {
    @TempDir
    Path dir;

    @Test
    void aKeyWithoutAValueGivesNothing() throws Exception {
        Path ini = Files.writeString(dir.resolve("my.ini"), "[mysqld]\nuser = mysql\nskip-innodb\n");
        TemplateContext ctx = TemplateContext.of(Scope.of(Map.of())).at(Loc.UNKNOWN);
        Templar t = new Templar();
        assertThat(t.template("{{ lookup('ini', 'skip-innodb', file='" + ini + "', section='mysqld', allow_none=True) }}", ctx)).isEqualTo(List.of());
        assertThat(t.template("{{ lookup('ini', 'user', file='" + ini + "', section='mysqld', allow_no_value=True) }}", ctx)).isEqualTo("mysql");
    }
}
