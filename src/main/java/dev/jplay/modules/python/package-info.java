/**
 * Ansible's Python modules (from installed collections, a playbook's {@code collections/} and {@code library/*.py}),
 * run on hosts that have Python 3: {@link dev.jplay.modules.python.PythonModules} finds them by name,
 * {@link dev.jplay.modules.python.Payload} packs a module with the {@code module_utils} it imports (read from the
 * controller's ansible-core and collections) into one zip, and {@link dev.jplay.modules.python.PythonModule} sends
 * it with its arguments on one command's stdin and reads the JSON it prints.
 */
package dev.jplay.modules.python;
