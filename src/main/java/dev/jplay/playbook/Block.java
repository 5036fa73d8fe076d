package dev.jplay.playbook;

import dev.jplay.source.Loc;
import java.util.List;

/**
 * A {@code block} with its {@code rescue} and {@code always} sections. Inherited keywords, conditions, tags and
 * vars have been pushed down into the contained tasks; the block keeps only the structure that drives
 * error handling. Static imports ({@code import_tasks}) are blocks of kind {@link Kind#IMPORT}; the tasks of one
 * role (from {@code roles:}, a dependency, {@code import_role} or {@code include_role}) are a block of kind
 * {@link Kind#ROLE} whose {@code role} is that role: a role that already ran on a host is skipped there.
 */
public record Block(String id, String name, List<TaskNode> block, List<TaskNode> rescue, List<TaskNode> always,
                    Loc loc, RoleContext role, Kind kind) implements TaskNode {
    /** What the block stands for. */
    public enum Kind { BLOCK, IMPORT, ROLE }
}
