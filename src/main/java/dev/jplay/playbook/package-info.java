/**
 * The playbook model as immutable records (Play, Block, Task, Role, Handler), the loader that builds it from located YAML, and static validation that runs before any host is contacted.
 */
package dev.jplay.playbook;
