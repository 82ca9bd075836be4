package dev.spindle.configuration;

import java.time.Duration;

/** The resource manager: when to start and when to release TaskExecutors. */
public final class ResourceManagerOptions {

    private ResourceManagerOptions() {
    }

    public static final ConfigOption<Duration> TASK_MANAGER_TIMEOUT = ConfigOptions.key("resourcemanager.taskmanager-timeout")
            .durationType().defaultValue(Duration.ofSeconds(30))
            .withDescription("A TaskExecutor whose slots all stay free this long is released.")
            .checkedBy(Range.atLeast(Duration.ofMillis(1)));

    public static final ConfigOption<Duration> TASK_MANAGER_REGISTRATION_TIMEOUT = ConfigOptions.key("resourcemanager.taskmanager-registration.timeout")
            .durationType().defaultValue(Duration.ofMinutes(5))
            .withDescription("A started worker that has not registered within this time is released.")
            .checkedBy(Range.atLeast(Duration.ofMillis(1)));

    public static final ConfigOption<Integer> TASK_MANAGER_CPU_CORES = ConfigOptions.key("taskmanager.cpu.cores")
            .intType().defaultValue(1)
            .withDescription("CPU cores (YARN vcores) requested for each TaskExecutor.")
            .checkedBy(Range.atLeast(1));

    public static final ConfigOption<Duration> SLOT_REQUEST_TIMEOUT = ConfigOptions.key("slot.request.timeout")
            .durationType().defaultValue(Duration.ofMinutes(5))
            .withDescription("How long a job waits for all its slots before it fails saying how many it got.")
            .checkedBy(Range.atLeast(Duration.ofMillis(1)));

    public static final ConfigOption<Integer> MAX_SLOTS = ConfigOptions.key("slotmanager.number-of-slots.max")
            .intType().defaultValue(Integer.MAX_VALUE)
            .withDescription("The most slots the cluster holds at once: no worker is started that would take it beyond this.")
            .checkedBy(Range.atLeast(1));

    public static final ConfigOption<Integer> JOB_STORE_MAX_CAPACITY = ConfigOptions.key("jobstore.max-capacity")
            .intType().defaultValue(1000)
            .withDescription("Finished jobs whose summaries the dispatcher keeps; the oldest are dropped first.")
            .checkedBy(Range.atLeast(1));
}
