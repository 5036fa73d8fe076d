package dev.jplay.playbook;

/** A {@code vars_prompt} entry (raw values). */
public record VarsPrompt(String name, String prompt, boolean isPrivate, Object defaultValue, boolean confirm,
                         Object encrypt, boolean unsafe) {}
