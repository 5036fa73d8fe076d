package dev.jplay.playbook;

import dev.jplay.source.Loc;

/** An entry of a task list: a {@link Task} or a {@link Block}. */
public sealed interface TaskNode permits Task, Block {
    Loc loc();

    /** The role the entry belongs to, or null. */
    RoleContext role();
}
