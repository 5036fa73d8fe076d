package dev.jplay.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jplay.modules.ModuleArgs;
import dev.jplay.modules.ModuleSpec;
import dev.jplay.modules.Param;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoLogValuesTest {
    private static ModuleSpec spec(String name) {
        return ModuleSpec.builder(name).param(Param.of("url").str()).param(Param.of("url_password").str().noLog())
                .param(Param.of("content").str().noLog()).build();
    }

    private static ModuleArgs args(String pw, String content) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("url", "http://u:" + pw + "@h/");
        m.put("url_password", pw);
        m.put("content", content);
        return new ModuleArgs(m);
    }

    @Test
    void noLogParametersAreMaskedInTheShownArgumentsAndTheirValuesEverywhereInTheResult() {
        NoLogValues v = NoLogValues.of(spec("uri"), args("s3cr3t", "body"));
        assertThat(v.shown(args("s3cr3t", "body").all())).containsEntry("url_password", "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER")
                .containsEntry("content", "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER").containsEntry("url", "http://u:s3cr3t@h/");
        assertThat(v.scrub("curl http://u:s3cr3t@h/ -d body")).isEqualTo("curl http://u:********@h/ -d ********");
        Map<String, Object> r = new LinkedHashMap<>(Map.of("msg", "failed for http://u:s3cr3t@h/", "lines", List.of("a s3cr3t", 3L)));
        assertThat(v.scrubbed(r)).containsEntry("msg", "failed for http://u:********@h/").containsEntry("lines", List.of("a ********", 3L));
    }

    @Test
    void copysContentIsNotMaskedInItsResultAsAnsiblesActionTakesItAwayAndNothingMaskedLeavesTheResultAsItWas() {
        NoLogValues copy = NoLogValues.of(spec("copy"), args("pw", "hello"));
        Map<String, Object> r = new LinkedHashMap<>(Map.of("diff", Map.of("after", "hello\n")));
        assertThat(copy.scrubbed(r)).isEqualTo(Map.of("diff", Map.of("after", "hello\n")));
        NoLogValues none = NoLogValues.of(spec("uri"), new ModuleArgs(Map.of("url", "x")));
        assertThat(none.scrubbed(r)).isSameAs(r);
    }

    @Test
    void expectsAnswersAreMaskedWhereArgumentsAreShownAndNowhereElse() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("command", "passwd bob");
        given.put("responses", Map.of("(?i)password", "y"));
        NoLogValues v = NoLogValues.of(new dev.jplay.modules.commands.Expect().spec(), new ModuleArgs(given));
        assertThat(v.shown(given)).containsEntry("responses", "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER").containsEntry("command", "passwd bob");
        assertThat(v.scrub("yes y")).isEqualTo("yes y");
        Map<String, Object> r = new LinkedHashMap<>(Map.of("stdout", "Continue? y"));
        assertThat(v.scrubbed(r)).isSameAs(r);
    }
}
