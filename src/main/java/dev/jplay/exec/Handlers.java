package dev.jplay.exec;

import dev.jplay.output.Event;
import dev.jplay.playbook.Play;
import dev.jplay.playbook.Role;
import dev.jplay.playbook.Task;
import dev.jplay.vars.PlayVars;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Handlers of a play, as ansible-core 2.14 runs them. A notification is resolved when it is made: to a handler
 * with that name ({@code name} or {@code role : name}) from the last loaded file that has one (the first in that
 * file, as Ansible searches its handler blocks) and to every handler listening to it; a
 * name nothing answers ends the run (a warning with ERROR_ON_MISSING_HANDLER=false). A flush goes once through the handlers in the order they were loaded (role
 * handlers, the play's, then those of roles included at run time) and runs each on the hosts it was notified for
 * (also failed ones with force_handlers); a handler notified by a later one waits for the next flush.
 */
final class Handlers {
    private final Engine e;
    private final PlayRun run;
    private final Play play;
    private final PlayVars pv;
    private final Walker walker;
    private final List<Task> handlers;
    private final Set<String> rolesWithHandlers = ConcurrentHashMap.newKeySet();

    Handlers(Engine e, PlayRun run, Play play, PlayVars pv, Walker walker) {
        this.e = e;
        this.run = run;
        this.play = play;
        this.pv = pv;
        this.walker = walker;
        this.handlers = new CopyOnWriteArrayList<>(play.handlers());
        for (Task h : play.handlers()) if (h.role() != null) rolesWithHandlers.add(h.role().role().key());
    }

    /** Handlers of a role loaded by include_role at run time (once per role identity, as Ansible's role cache does). */
    void add(Role role, List<Task> more) {
        if (more.isEmpty() || !rolesWithHandlers.add(role.key())) return;
        handlers.addAll(more);
    }

    /** {@code host} notified {@code name} (already templated). */
    void notify(HostRun host, String name) {
        List<Task> hit = new ArrayList<>();
        for (int i = handlers.size() - 1; i >= 0; i--) {
            if (ownNames(handlers.get(i)).contains(name)) {
                // Ansible searches the handler blocks last first, each block's handlers first to last
                int first = i;
                while (first > 0 && sameBlock(handlers.get(first - 1), handlers.get(i))) first--;
                for (int j = first; j <= i; j++) {
                    if (ownNames(handlers.get(j)).contains(name)) {
                        hit.add(handlers.get(j));
                        break;
                    }
                }
                break;
            }
        }
        for (Task h : handlers) {
            if (!hit.contains(h) && h.listen().contains(name)) hit.add(h);  // listen topics are not templated (2.14)
        }
        if (hit.isEmpty()) {
            String msg = "The requested handler '" + name + "' was not found in either the main handlers list nor in the "
                    + "listening handlers list";
            if (Boolean.FALSE.equals(e.templar().setting("ERROR_ON_MISSING_HANDLER").orElse(true))) {
                e.output().on(new Event.Warning(msg));
                return;
            }
            throw new RunAbort(msg);
        }
        for (Task h : hit) {
            if (host.notified.add(h.id())) {
                e.output().on(new Event.Verbose("NOTIFIED HANDLER " + walker.info(h).banner() + " for " + host.name, 2, host.name));
            }
        }
    }

    void flush(List<HostRun> hosts) {
        // the play's force_handlers wins over --force-handlers / ANSIBLE_FORCE_HANDLERS, as in Ansible
        boolean force = play.forceHandlers() != null
                ? Flags.of("force_handlers", play.forceHandlers(), false, e.templar(), pv.playScope().context(), play.loc())
                : e.options().policy().forceHandlers();
        for (Task h : handlers) {
            if (run.stopped()) return;
            List<HostRun> targets = hosts.stream()
                    .filter(host -> host.notified.contains(h.id()) && !host.unreachable && (host.active() || (force && host.failed)))
                    .toList();
            targets.forEach(host -> host.notified.remove(h.id()));
            if (!targets.isEmpty()) walker.task(h, targets);
        }
    }

    /** The names a handler answers to: its name (also as {@code role : name}) and its listen topics. */
    Set<String> names(Task h) {
        Set<String> s = ownNames(h);
        s.addAll(h.listen());
        return s;
    }

    /** Loaded together: from the same file, for the same role (a role loaded twice with other parameters has two). */
    private static boolean sameBlock(Task a, Task b) {
        return java.util.Objects.equals(a.loc().file(), b.loc().file())
                && java.util.Objects.equals(a.role() == null ? null : a.role().role().key(), b.role() == null ? null : b.role().role().key());
    }

    /** A handler's name, also as {@code role : name}. */
    private Set<String> ownNames(Task h) {
        Set<String> s = new HashSet<>();
        if (h.name() != null) {
            String n = run.displayName(h.name());
            s.add(n);
            if (h.role() != null) s.add(h.role().name() + " : " + n);
        }
        return s;
    }
}
