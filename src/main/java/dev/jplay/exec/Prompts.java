package dev.jplay.exec;

import dev.jplay.data.Py;
import dev.jplay.playbook.Play;
import dev.jplay.playbook.VarsPrompt;
import dev.jplay.template.Templar;
import dev.jplay.vars.PlayVars;
import java.util.LinkedHashMap;
import java.util.Map;

/** Asks a play's {@code vars_prompt} questions once, before the play (extra vars of the same name win, as in Ansible). */
final class Prompts {
    private Prompts() {}

    static Map<String, Object> ask(Play play, Prompter prompter, Templar templar, PlayVars pv) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (VarsPrompt p : play.varsPrompt()) {
            if (pv.run().extraVars().containsKey(p.name())) continue;
            String def = p.defaultValue() == null ? null : Py.str(templar.template(p.defaultValue(), pv.playScope().context()));
            String msg = p.prompt() + (def != null ? " [" + def + "]" : "") + ": ";
            String answer = prompter.ask(msg, !p.isPrivate());
            if (p.confirm() && answer != null) {
                String again = prompter.ask("confirm " + msg, !p.isPrivate());
                if (!answer.equals(again)) throw new dev.jplay.source.SourceException("***** VALUES ENTERED DO NOT MATCH ****", play.loc());
            }
            out.put(p.name(), answer == null || answer.isEmpty() ? (def == null ? "" : def) : answer);
        }
        return out;
    }
}
