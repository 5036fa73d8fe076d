package dev.jplay.console;

import java.util.Map;

/** The console's help: an overview, and a page for each built-in command ({@code help cd}, {@code help forks} ...). */
final class Help {
    private Help() {}

    static final String OVERVIEW = """
            Commands:
              cd [PATTERN]          change the target hosts (no argument: all)
              list [groups]         the target hosts, or all groups
              forks [N]             run on N hosts at once
              become [yes|no]       escalate privileges (become_user USER, become_method sudo|su)
              remote_user [USER]    log in as USER
              check [yes|no]        dry run;  diff [yes|no]  show changes
              timeout [SECONDS]     time limit for each command (0: none)
              verbosity [N]         like -v (1) .. -vvvv (4)
              grouped [yes|no]      hosts with identical results shown once, or each host on its own
              retry                 run the last command again where it failed
              save FILE.yml         write this session's commands as a playbook
              help [COMMAND|MODULE] this list, a command's or a module's documentation
              exit                  leave (or Ctrl-D)
            Anything else runs on the target hosts: MODULE ARGS (e.g. copy src=a dest=/tmp/a), or a shell
            command (!CMD always runs CMD with the shell module). The last result of each host is in the
            variable _ (debug var=_). Without an argument a setting shows its value. Ctrl-C cancels a command.
            """;

    private static final String FORKS = "Set the number of hosts a command runs on at once.\nUsage: forks <number>";
    private static final Map<String, String> PAGES = Map.ofEntries(
            Map.entry("cd", """
                Change the active hosts: a host, a group or any host pattern.
                Usage: cd <group>|<host>|<host pattern>
                  cd webservers    cd webservers:dbservers    cd webservers:!phoenix    cd webservers:&staging
                Without a pattern (or with / or *) every host is active."""),
            Map.entry("list", "List the active hosts, or every group with 'list groups'.\nUsage: list [groups]"),
            Map.entry("forks", FORKS),
            Map.entry("serial", FORKS),
            Map.entry("become", "Toggle whether commands run with become (privilege escalation).\nUsage: become yes|no"),
            Map.entry("become_user", "Set the user that become switches to (default root).\nUsage: become_user <user>"),
            Map.entry("become_method", "Set the privilege escalation method used with become.\nUsage: become_method sudo|su"),
            Map.entry("remote_user", "Set the user to log in as on the hosts (inventory variables such as ansible_user still win).\n"
                + "Usage: remote_user <user>"),
            Map.entry("check", "Toggle check mode: modules report what they would change and change nothing.\nUsage: check yes|no"),
            Map.entry("diff", "Toggle diff mode: modules show the differences they make (or would make, with check).\nUsage: diff yes|no"),
            Map.entry("timeout", "Set the time limit of each command in seconds; the command is stopped on the hosts after it.\n"
                + "Usage: timeout <seconds>   (0 disables the limit)"),
            Map.entry("verbosity", "Set the verbosity level, as -v gives 1 and -vvvv gives 4.\nUsage: verbosity <number>"),
            Map.entry("grouped", "Show hosts with identical results once ('lab02, lab03 (2) | CHANGED | rc=0 >>'), the hosts that\n"
                + "differ after them; 'grouped no' shows each host's result on its own.\nUsage: grouped yes|no"),
            Map.entry("retry", "Run the last command again, on the hosts where it failed or could not be reached.\nUsage: retry"),
            Map.entry("save", "Write the commands of this session that succeeded as a playbook: each 'cd' becomes the hosts of a play,\n"
                + "the settings (become, check, diff, remote_user, timeout ...) its keywords. Run it with jplay or\n"
                + "ansible-playbook.\nUsage: save FILE.yml"),
            Map.entry("shell", "Run a command through the shell module; !CMD does the same.\nUsage: shell <command line>   or   !<command line>"),
            Map.entry("help", "Show the commands, or the documentation of a command or module.\nUsage: help [command|module]"),
            Map.entry("exit", "Leave the console (Ctrl-D too)."));

    /** The page of a built-in command, or null. */
    static String page(String command) {
        return PAGES.get(command.equals("quit") ? "exit" : command);
    }
}
