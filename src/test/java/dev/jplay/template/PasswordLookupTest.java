package dev.jplay.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.source.Loc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The password lookup's file, as ansible-core 2.14 writes and reads it (its lookup_password target). */
class PasswordLookupTest {
    @TempDir
    Path dir;

    private final Templar t = new Templar();

    private Object lookup(String term) {
        return t.template("{{ lookup('password', '" + dir + "/" + term + "') }}", TemplateContext.of(Scope.of(Map.of())).at(Loc.UNKNOWN));
    }

    @Test
    void theFileHoldsThePasswordAsOneLine() throws Exception {
        Object pw = lookup("pw length=8");
        assertThat(Files.readString(dir.resolve("pw"))).isEqualTo(pw + "\n");
        assertThat(lookup("pw length=8")).isEqualTo(pw);
    }

    @Test
    void encryptGivesTheHashAndKeepsTheSaltForTheSameHash() throws Exception {
        String hash = (String) lookup("salted encrypt=sha256_crypt");
        String content = Files.readString(dir.resolve("salted"));
        assertThat(content).matches("\\S{20} salt=[./0-9A-Za-z]{16}\n");
        String password = content.substring(0, 20);
        String salt = content.substring(" salt=".length() + 20, content.length() - 1);
        assertThat(hash).isEqualTo(CryptFilters.hash("sha256_crypt", password, salt, null, null)).startsWith("$5$rounds=535000$" + salt + "$");
        assertThat(lookup("salted encrypt=sha256_crypt")).isEqualTo(hash);
        assertThat(lookup("salted")).isEqualTo(password);
        assertThat(lookup("salted encrypt=")).isEqualTo(password);
        assertThat(Files.readString(dir.resolve("salted"))).isEqualTo(content);
    }

    @Test
    void charsSplitOnCommasWithADoubledCommaForAComma() {
        assertThat((String) lookup("c chars=digits,,,x length=30")).matches("[0-9,x]{30}");
    }
}
