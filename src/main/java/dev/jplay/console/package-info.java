/**
 * {@code jplay console}: an interactive shell for ad-hoc commands, like ansible-console. {@link Console} reads
 * lines (jline with history and completion on a terminal, plain lines otherwise), handles its built-in commands
 * ({@code cd}, {@code list}, {@code forks}, {@code become}, {@code check}, {@code diff}, {@code help} ...) and hands
 * everything else to a {@link Runner} as a module call; the connections stay open between commands.
 */
package dev.jplay.console;
