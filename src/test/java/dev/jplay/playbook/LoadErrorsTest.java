package dev.jplay.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jplay.modules.ModuleRegistry;
import dev.jplay.source.Decrypter;
import dev.jplay.source.SourceException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every load error names file:line:col, shows the line with a caret, and gives a hint where one helps. */
class LoadErrorsTest {
    @TempDir
    Path dir;

    private SourceException error(String playbook) {
        LoaderFixture f = new LoaderFixture(dir).file("p.yml", playbook);
        return catchThrowableOfType(SourceException.class, () -> f.load("p.yml"));
    }

    @Test
    void unknownModuleSuggestsTheClosestName() {
        SourceException e = error("- hosts: all\n  tasks:\n    - name: x\n      copyy: src=a dest=b\n");
        assertThat(e.getMessage()).contains("couldn't resolve module/action 'copyy'");
        assertThat(e.loc().line()).isEqualTo(4);
        assertThat(e.loc().col()).isEqualTo(7);
        assertThat(e.hint()).contains("'copy'");
        assertThat(e.render()).contains("p.yml:4:7").contains("4 |       copyy: src=a dest=b").contains("  |       ^");
    }

    @Test
    void misspelledTaskKeywordIsNamedAsSuch() {
        SourceException e = error("- hosts: all\n  tasks:\n    - command: echo\n      whenn: x\n");
        assertThat(e.getMessage()).contains("'whenn' is not a valid attribute for a Task");
        assertThat(e.hint()).contains("'when'");
        assertThat(e.loc().line()).isEqualTo(4);
    }

    @Test
    void unknownPlayKeyword() {
        SourceException e = error("- hosts: all\n  taks:\n    - command: echo\n");
        assertThat(e.getMessage()).contains("'taks' is not a valid attribute for a Play");
        assertThat(e.hint()).contains("'tasks'");
    }

    @Test
    void playUserIsRemoteUserButNotBesideIt() {
        LoaderFixture f = new LoaderFixture(dir).file("u.yml", "- hosts: all\n  user: deploy\n  tasks: []\n");
        assertThat(f.load("u.yml").plays().get(0).keywords().get("remote_user")).isEqualTo("deploy");
        SourceException e = error("- hosts: all\n  user: a\n  remote_user: b\n  tasks: []\n");
        assertThat(e.getMessage()).isEqualTo("both 'user' and 'remote_user' are set for this play. The use of 'user' is deprecated, and "
                + "should be removed");
        assertThat(e.loc().line()).isEqualTo(1);
    }

    @Test
    void missingHosts() {
        assertThat(error("- name: x\n  tasks: []\n").getMessage()).contains("the field 'hosts' is required");
    }

    @Test
    void unquotedTemplateExplainsTheFix() {
        SourceException e = error("- hosts: all\n  tasks:\n    - command: {{ cmd }}\n");
        assertThat(e.getMessage()).contains("must be quoted");
        assertThat(e.hint()).contains("quote");
        assertThat(e.loc().line()).isEqualTo(3);
    }

    @Test
    void duplicateKeysWarnLikeAnsibleAndTheLastWins() {
        LoaderFixture f = new LoaderFixture(dir).file("p.yml", "- hosts: all\n  tasks:\n    - command: echo a\n      name: one\n      name: two\n");
        Playbook pb = f.load("p.yml");
        assertThat(LoaderFixture.tasks(pb.plays().get(0).tasks()).get(0).name()).isEqualTo("two");
        assertThat(f.warnings).anyMatch(w -> w.contains("line 3, column 7, found a duplicate dict key (name). Using last defined value only."));
    }

    @Test
    void yamlSyntaxErrorHasPosition() {
        SourceException e = error("- hosts: all\n  tasks:\n    - debug: msg=hi\n     foo: 1\n");
        // Ansible's DataLoader tried JSON first, and names both errors
        assertThat(e.getMessage()).startsWith("We were unable to read either as JSON nor YAML")
                .contains("JSON: Expecting value: line 1 column 1 (char 0)\n\nYAML syntax error");
        assertThat(e.loc().line()).isEqualTo(4);
    }

    @Test
    void unsupportedModuleParameterPointsAtIt() {
        SourceException e = error("- hosts: all\n  tasks:\n    - copy:\n        dest: /x\n        sorce: a\n");
        assertThat(e.getMessage()).contains("Unsupported parameters for (copy) module: sorce");
        assertThat(e.loc().line()).isEqualTo(5);
        assertThat(e.hint()).contains("'src'");
    }

    @Test
    void missingRequiredParameter() {
        assertThat(error("- hosts: all\n  tasks:\n    - copy: src=a\n").getMessage()).contains("missing required arguments: dest");
    }

    @Test
    void extraFreeFormWordsOnAKeyValueModule() {
        assertThat(error("- hosts: all\n  tasks:\n    - copy: src=a dest=b oops\n").getMessage()).contains("has extra params");
    }

    @Test
    void missingRole() {
        SourceException e = error("- hosts: all\n  roles:\n    - nothere\n");
        assertThat(e.getMessage()).contains("the role 'nothere' was not found");
        assertThat(e.hint()).contains("roles");
    }

    @Test
    void missingImportFile() {
        SourceException e = error("- hosts: all\n  tasks:\n    - import_tasks: gone.yml\n");
        assertThat(e.getMessage()).contains("Could not find or access 'gone.yml'");
        assertThat(e.kind()).isEqualTo(SourceException.Kind.ERROR);
    }

    @Test
    void missingLiteralIncludeFileIsAWarningBeforeRunning() {
        LoaderFixture f = new LoaderFixture(dir).file("p.yml", "- hosts: all\n  tasks:\n    - include_tasks: gone.yml\n");
        f.load("p.yml"); // an earlier task may create it: Ansible fails the include only when it runs
        assertThat(f.warnings).anyMatch(w -> w.contains("p.yml:3:7") && w.contains("Could not find or access 'gone.yml'"));
    }

    @Test
    void aWarningEndsItsMessageWithOnePeriod() {
        LoaderFixture f = new LoaderFixture(dir).file("p.yml", "- hosts: all\n  tasks:\n    - debug: msg={{ 'a' | nosuchfilter }}\n      when: maybe\n");
        f.load("p.yml");
        assertThat(f.warnings).anyMatch(w -> w.contains("'nosuchfilter'. A host that runs this task fails."));
        assertThat(f.warnings).noneMatch(w -> w.contains(".."));
    }

    @Test
    void aModuleInARolesLibraryResolvesThere() {
        LoaderFixture f = new LoaderFixture(dir).file("roles/r/tasks/main.yml", "- mymod: {}\n")
                .file("roles/r/library/mymod.py", "#!/usr/bin/python\n")
                .file("roles/s/tasks/main.yml", "- mymod: {}\n")
                .file("p.yml", "- hosts: all\n  roles: [r]\n").file("q.yml", "- hosts: all\n  roles: [s]\n");
        ModuleRegistry onlyJplays = LoaderFixture.registry().withAnsibleNames(name -> false);
        PlaybookLoader loader = new PlaybookLoader(onlyJplays, List.of(), ImportRenderer.NONE, f.warnings::add, Decrypter.NONE);
        assertThat(loader.load(dir.resolve("p.yml")).plays()).hasSize(1); // r's library has it: the task fails only when run
        SourceException e = catchThrowableOfType(SourceException.class, () -> loader.load(dir.resolve("q.yml")));
        assertThat(e.getMessage()).contains("couldn't resolve module/action 'mymod'");
    }

    @Test
    void oldIncludeIsStaticUnlessADynamicIncludeIsAbove() {
        LoaderFixture f = new LoaderFixture(dir).file("broken.yml", "# a comment\nnot a list\n")
                .file("t.yml", "- fail: msg=stop\n- include: broken.yml\n")
                .file("static.yml", "- hosts: all\n  tasks:\n    - import_tasks: t.yml\n")
                .file("dynamic.yml", "- hosts: all\n  tasks:\n    - include_tasks: t.yml\n");
        // loaded statically, as by import_tasks: the broken file is an error now, located at its content
        SourceException e = catchThrowableOfType(SourceException.class, () -> f.load("static.yml"));
        assertThat(e.getMessage()).contains("included task files must contain a list of tasks");
        assertThat(e.render()).contains("broken.yml:2:1").contains("2 | not a list");
        // below include_tasks it is dynamic: loaded when reached, and the fail before it means it never is
        assertThat(f.load("dynamic.yml").plays()).hasSize(1);
        assertThat(f.warnings).anyMatch(w -> w.contains("broken.yml:2:1"));
    }

    @Test
    void oldIncludeNamingItsFileWithFileIsStaticToo() {
        // as Ansible's check_options: file= stands for the free-form file name, and the include is static
        LoaderFixture f = new LoaderFixture(dir).file("t.yml", "- debug: msg={{ x }}\n")
                .file("p.yml", "- hosts: all\n  tasks:\n    - include: file=t.yml x=1\n");
        Block b = (Block) f.load("p.yml").plays().get(0).tasks().get(0);
        assertThat(b.kind()).isEqualTo(Block.Kind.IMPORT);
        assertThat(LoaderFixture.tasks(b.block()).get(0).vars()).containsEntry("x", "1").doesNotContainKey("file");
    }

    @Test
    void staticOldIncludeIsAnImportWithItsWordsAsVars() {
        LoaderFixture f = new LoaderFixture(dir).file("t.yml", "- debug: msg={{ x }}\n")
                .file("p.yml", "- hosts: all\n  tasks:\n    - include: t.yml x=1\n");
        Block b = (Block) f.load("p.yml").plays().get(0).tasks().get(0);
        assertThat(b.kind()).isEqualTo(Block.Kind.IMPORT);
        assertThat(LoaderFixture.tasks(b.block()).get(0).vars()).containsEntry("x", "1");
    }

    @Test
    void roleFileFromOutsideTheRoleIsRefused() {
        LoaderFixture f = new LoaderFixture(dir).file("roles/a/tasks/main.yml", "[]\n").file("elsewhere.yml", "[]\n")
                .file("p.yml", "- hosts: all\n  tasks:\n    - include_role: {name: a, tasks_from: ../../../elsewhere.yml}\n");
        SourceException e = catchThrowableOfType(SourceException.class, () -> f.load("p.yml"));
        assertThat(e.getMessage()).isEqualTo("Failed loading '" + dir.resolve("elsewhere.yml") + "' for role (a) as it is not "
                + "inside the expected role path: '" + dir.resolve("roles/a/tasks") + "'");
        assertThat(e.loc().line()).isEqualTo(3);
    }

    @Test
    void templatedIncludeIsLeftForRunTime() {
        LoaderFixture f = new LoaderFixture(dir).file("p.yml", "- hosts: all\n  tasks:\n    - include_tasks: \"{{ os }}.yml\"\n");
        assertThat(f.load("p.yml").plays()).hasSize(1);
    }

    @Test
    void unknownHandler() {
        SourceException e = error("- hosts: all\n  tasks:\n    - command: echo\n      notify: restart nginx\n"
                + "  handlers:\n    - name: restart nginc\n      command: echo\n");
        assertThat(e.getMessage()).contains("The requested handler 'restart nginx' was not found");
        assertThat(e.hint()).contains("'restart nginc'");
    }

    @Test
    void badRegisterName() {
        assertThat(error("- hosts: all\n  tasks:\n    - command: echo\n      register: my-var\n").getMessage())
                .contains("Invalid variable name in 'register'");
        assertThat(error("- hosts: all\n  tasks:\n    - command: echo\n      register: class\n").getMessage())
                .as("a Python keyword, as Ansible's isidentifier").contains("Invalid variable name in 'register' specified: 'class'");
    }

    @Test
    void aVariableNameIsAnAsciiIdentifierAsInAnsible() {
        assertThat(error("- hosts: all\n  vars:\n    caf\u00e9: 1\n  tasks: []\n").getMessage())
                .contains("Invalid variable name in vars specified for Play: 'caf\u00e9' is not a valid variable name");
    }

    @Test
    void loopAndWithItemsTogether() {
        assertThat(error("- hosts: all\n  tasks:\n    - command: echo\n      loop: [1]\n      with_items: [2]\n").getMessage())
                .contains("duplicate loop in task: items");
    }

    @Test
    void loopOverADictExplainsDict2items() {
        SourceException e = error("- hosts: all\n  tasks:\n    - command: echo\n      loop: {a: 1}\n");
        assertThat(e.hint()).contains("dict2items");
    }

    @Test
    void invalidKeywordOnDynamicInclude() {
        LoaderFixture f = new LoaderFixture(dir).file("i.yml", "[]\n")
                .file("p.yml", "- hosts: all\n  tasks:\n    - include_tasks: i.yml\n      become: true\n");
        SourceException e = catchThrowableOfType(SourceException.class, () -> f.load("p.yml"));
        assertThat(e.getMessage()).contains("'become' is not a valid attribute for a TaskInclude");
        assertThat(e.getMessage()).contains("apply");
    }

    @Test
    void playbookMustBeAList() {
        assertThat(error("hosts: all\n").getMessage()).contains("A playbook must be a list of plays");
    }

    @Test
    void badMetaAction() {
        assertThat(error("- hosts: all\n  tasks:\n    - meta: flush_handler\n").getMessage()).contains("invalid meta action requested: flush_handler");
    }
}
