/** Version control modules: {@code git} and {@code subversion}, with the host's own tools. */
package dev.jplay.modules.vcs;
