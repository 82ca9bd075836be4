package dev.spindle.runtime.taskexecutor;

import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.resourcemanager.ResourceID;
import dev.spindle.runtime.security.ClusterSecret;

/** Runs a TaskExecutor in the current process until it is told to stop or loses its resource manager. */
public final class TaskExecutorRunner {

    private TaskExecutorRunner() {
    }

    /**
     * Starts a TaskExecutor identified as {@code resourceId} that registers with the resource
     * manager at {@code resourceManagerHost:resourceManagerPort}, and blocks until it ends.
     * Returns the process exit code to use.
     */
    public static int runTaskExecutor(Configuration configuration, ResourceID resourceId, String resourceManagerHost,
            int resourceManagerPort, ClusterSecret secret) throws Exception {
        // Filled in by the distributed runtime (issue 3).
        throw new UnsupportedOperationException("task executor is not built yet");
    }
}
