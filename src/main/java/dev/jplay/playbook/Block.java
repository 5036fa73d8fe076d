package dev.jplay.playbook;

import dev.jplay.source.Loc;
import java.util.List;

/**
 * A {@code block} with its {@code rescue} and {@code always} sections. Inherited keywords, conditions, tags and
 * vars have been pushed down into the contained tasks; the block keeps only the structure that drives
 * error handling. Static imports ({@code import_tasks}, {@code import_role}, roles in {@code roles:}) are also
 * represented as blocks without rescue/always ({@code implicit}).
 */
public record Block(String id, String name, List<TaskNode> block, List<TaskNode> rescue, List<TaskNode> always,
                    Loc loc, RoleContext role, boolean implicit) implements TaskNode {}
