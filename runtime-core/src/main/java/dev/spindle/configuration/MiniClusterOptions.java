package dev.spindle.configuration;

/** The in-process cluster that runs programs outside any cluster and backs tests. */
public final class MiniClusterOptions {

    private MiniClusterOptions() {
    }

    public static final ConfigOption<Integer> NUM_TASK_EXECUTORS = ConfigOptions.key("minicluster.number-of-taskexecutors")
            .intType().defaultValue(2)
            .withDescription("TaskExecutors the MiniCluster starts.")
            .checkedBy(Range.atLeast(1));
}
