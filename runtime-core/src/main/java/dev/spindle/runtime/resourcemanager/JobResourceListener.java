package dev.spindle.runtime.resourcemanager;

/** How the resource manager tells a job master that a TaskExecutor holding its slots is gone. */
public interface JobResourceListener {

    void onTaskExecutorLost(ResourceID taskExecutor, String cause);
}
