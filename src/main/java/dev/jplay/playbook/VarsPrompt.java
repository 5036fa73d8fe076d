package dev.jplay.playbook;

/** A {@code vars_prompt} entry (raw values); {@code prompt} is null when the entry has none. */
public record VarsPrompt(String name, String prompt, boolean isPrivate, Object defaultValue, boolean confirm,
                         Object encrypt, Object salt, Object saltSize, boolean unsafe) {}
