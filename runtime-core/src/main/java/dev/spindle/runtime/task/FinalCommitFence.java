package dev.spindle.runtime.task;

/**
 * Where a task gets permission to commit its output once all its input arrived. A task can outlive
 * the job master that deployed it (YARN keeps its container while the ApplicationMaster fails
 * over); the resumed job then writes that output again, so an orphaned attempt must not commit it.
 */
@FunctionalInterface
public interface FinalCommitFence {

    /** Commits whatever is asked: there is no job master to outlive (the single-JVM harness). */
    FinalCommitFence UNFENCED = () -> { };

    /**
     * Returns once this task may commit; asked again, it returns at once. Throws when the job master
     * refused (this attempt is no longer the job's) or could not be asked in time; the task then
     * fails and commits nothing.
     */
    void awaitPermission() throws Exception;
}
