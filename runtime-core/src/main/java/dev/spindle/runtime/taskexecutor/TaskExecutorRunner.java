package dev.spindle.runtime.taskexecutor;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.resourcemanager.ResourceID;
import dev.spindle.runtime.rpc.Hosts;
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
        return runTaskExecutor(configuration, resourceId, resourceManagerHost, resourceManagerPort, secret, null);
    }

    /** As above, downloading user jars under {@code localDir} (the container's own dir; null: the temp dir). */
    public static int runTaskExecutor(Configuration configuration, ResourceID resourceId, String resourceManagerHost,
            int resourceManagerPort, ClusterSecret secret, java.nio.file.Path localDir) throws Exception {
        return runTaskExecutor(configuration, resourceId, resourceManagerHost, resourceManagerPort, secret, localDir,
                ResourceManagerLocator.fixed());
    }

    /** As above, following the resource manager to where {@code locator} says it moved (a new ApplicationMaster attempt). */
    public static int runTaskExecutor(Configuration configuration, ResourceID resourceId, String resourceManagerHost,
            int resourceManagerPort, ClusterSecret secret, java.nio.file.Path localDir, ResourceManagerLocator locator)
            throws Exception {
        String host = configuration.getOptional(TaskManagerOptions.HOST).orElse(Hosts.advertisedHost(null));
        TaskExecutor taskExecutor = new TaskExecutor(configuration, resourceId, resourceManagerHost, resourceManagerPort, secret,
                host, localDir, locator);
        Thread hook = new Thread(taskExecutor::close, "task-executor-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        taskExecutor.start();
        int exitCode = taskExecutor.getTerminationFuture().get();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running
        }
        return exitCode;
    }
}
