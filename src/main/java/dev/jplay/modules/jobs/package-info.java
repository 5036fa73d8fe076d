/**
 * Async jobs ({@code async}/{@code poll}, {@code async_status}) as Ansible's async_wrapper runs them, without Python:
 * a module whose work is one command on the host ({@link dev.jplay.modules.jobs.Detachable}) runs there detached
 * under a POSIX sh supervisor ({@code job.sh}) that writes the job's JSON result to {@code ~/.ansible_async/JID};
 * {@link dev.jplay.modules.jobs.JobStatus} reads that file as Ansible's async_status module does.
 */
package dev.jplay.modules.jobs;
