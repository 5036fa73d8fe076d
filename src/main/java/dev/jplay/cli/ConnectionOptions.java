package dev.jplay.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Connection and privilege options shared by {@code jplay PLAYBOOK}, {@code adhoc} and {@code console}. */
public final class ConnectionOptions {
    @Option(names = {"-i", "--inventory", "--inventory-file"}, paramLabel = "INVENTORY",
            description = "Inventory host path or comma separated host list (repeatable).")
    public List<String> inventory = new ArrayList<>();

    @Option(names = {"-l", "--limit"}, paramLabel = "SUBSET", description = "Further limit selected hosts to a pattern (@file for a retry file).")
    public String limit;

    @Option(names = {"-f", "--forks"}, paramLabel = "FORKS", description = "Number of parallel hosts (default 5, or forks in ansible.cfg).")
    public Integer forks;

    @Option(names = {"-u", "--user"}, paramLabel = "REMOTE_USER", description = "Connect as this user.")
    public String user;

    @Option(names = {"--private-key", "--key-file"}, paramLabel = "PRIVATE_KEY_FILE", description = "Use this file to authenticate the connection.")
    public Path privateKey;

    @Option(names = {"-k", "--ask-pass"}, description = "Ask for the connection password.")
    public boolean askPass;

    @Option(names = {"--connection-password-file", "--conn-pass-file"}, paramLabel = "FILE", description = "Connection password file.")
    public Path connectionPasswordFile;

    @Option(names = {"-c", "--connection"}, paramLabel = "CONNECTION", description = "Connection type: ssh (default) or local.")
    public String connection;

    @Option(names = {"-T", "--timeout"}, paramLabel = "TIMEOUT", description = "Connection timeout in seconds (default 10).")
    public Integer timeout;

    @Option(names = "--task-timeout", paramLabel = "TASK_TIMEOUT", description = "Time limit for each task in seconds (0: none).")
    public Integer taskTimeout;

    @Option(names = "--ssh-common-args", paramLabel = "ARGS", description = "Extra OpenSSH options (e.g. -o ProxyJump=bastion).")
    public String sshCommonArgs;

    @Option(names = "--ssh-extra-args", paramLabel = "ARGS", description = "Extra ssh-only arguments.")
    public String sshExtraArgs;

    @Option(names = {"--sftp-extra-args", "--scp-extra-args"}, paramLabel = "ARGS", hidden = true, description = "Accepted for compatibility.")
    public String ignoredTransferArgs;

    @Option(names = "--accept-new-host-keys", description = "Accept and record unknown host keys (StrictHostKeyChecking=accept-new).")
    public boolean acceptNewHostKeys;

    @Option(names = {"-b", "--become"}, description = "Run operations with become (sudo by default).")
    public boolean become;

    @Option(names = "--become-method", paramLabel = "METHOD", description = "Privilege escalation method: sudo (default) or su.")
    public String becomeMethod;

    @Option(names = "--become-user", paramLabel = "USER", description = "Run operations as this user (default root).")
    public String becomeUser;

    @Option(names = {"-K", "--ask-become-pass"}, description = "Ask for the privilege escalation password.")
    public boolean askBecomePass;

    @Option(names = {"--become-password-file", "--become-pass-file"}, paramLabel = "FILE", description = "Become password file.")
    public Path becomePasswordFile;

    @Option(names = {"-M", "--module-path"}, paramLabel = "PATH", split = ":", description = "Prepend colon-separated paths to the module library.")
    public List<Path> modulePath = new ArrayList<>();

    @Option(names = {"-e", "--extra-vars"}, paramLabel = "EXTRA_VARS", description = "key=value, YAML/JSON, or @file (repeatable).")
    public List<String> extraVars = new ArrayList<>();

    @Option(names = {"-C", "--check"}, description = "Don't make any changes; predict some of the changes that may occur.")
    public boolean check;

    @Option(names = {"-D", "--diff"}, description = "Show the differences in changed files and templates.")
    public boolean diff;

    @Option(names = "-v", description = "Verbose mode (-vvv for more, -vvvv for connection debugging).")
    public boolean[] verbose = new boolean[0];

    @Mixin
    public VaultOptions vault = new VaultOptions();

    public int verbosity() {
        return verbose.length;
    }
}
