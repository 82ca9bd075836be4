package dev.spindle.configuration;

import java.time.Duration;

/** Options of TaskExecutor processes. */
public final class TaskManagerOptions {

    private TaskManagerOptions() {
    }

    public static final ConfigOption<MemorySize> TOTAL_PROCESS_MEMORY = ConfigOptions.key("taskmanager.memory.process.size")
            .memoryType().defaultValue(MemorySize.parse("1024m"))
            .withDescription("Total memory of a TaskExecutor process: the YARN container size.")
            .checkedBy(Range.atLeast(MemorySize.parse("1m")));

    public static final ConfigOption<Integer> NUM_TASK_SLOTS = ConfigOptions.key("taskmanager.numberOfTaskSlots")
            .intType().defaultValue(1)
            .withDescription("Number of slots of each TaskExecutor; each runs one parallel instance of every vertex.")
            .checkedBy(Range.atLeast(1));

    public static final ConfigOption<MemorySize> TASK_HEAP_MEMORY = ConfigOptions.key("taskmanager.memory.task.heap.size")
            .memoryType().noDefaultValue()
            .withDescription("JVM heap for user tasks; when set instead of the process size, the process size is derived from it.")
            .checkedBy(Range.atLeast(MemorySize.parse("1m")));

    public static final ConfigOption<MemorySize> TASK_OFF_HEAP_MEMORY = ConfigOptions.key("taskmanager.memory.task.off-heap.size")
            .memoryType().defaultValue(MemorySize.ZERO)
            .withDescription("Direct (off-heap) memory for user tasks.")
            .checkedBy(Range.atLeast(MemorySize.ZERO));

    public static final ConfigOption<MemorySize> FRAMEWORK_HEAP_MEMORY = ConfigOptions.key("taskmanager.memory.framework.heap.size")
            .memoryType().defaultValue(MemorySize.parse("128m"))
            .withDescription("JVM heap reserved for the TaskExecutor framework itself.")
            .checkedBy(Range.atLeast(MemorySize.ZERO));

    public static final ConfigOption<MemorySize> FRAMEWORK_OFF_HEAP_MEMORY = ConfigOptions.key("taskmanager.memory.framework.off-heap.size")
            .memoryType().defaultValue(MemorySize.parse("64m"))
            .withDescription("Direct (off-heap) memory reserved for the TaskExecutor framework (RPC, data exchange server).")
            .checkedBy(Range.atLeast(MemorySize.ZERO));

    public static final ConfigOption<Double> MANAGED_MEMORY_FRACTION = ConfigOptions.key("taskmanager.memory.managed.fraction")
            .doubleType().defaultValue(0.25)
            .withDescription("Fraction of the TaskExecutor's Spindle memory (process minus metaspace and overhead) given to managed memory.")
            .checkedBy(Range.between(0.0, 1.0));

    public static final ConfigOption<MemorySize> MANAGED_MEMORY_SIZE = ConfigOptions.key("taskmanager.memory.managed.size")
            .memoryType().noDefaultValue()
            .withDescription("Fixed managed memory (sorting, state) outside the heap; overrides the managed fraction.")
            .checkedBy(Range.atLeast(MemorySize.ZERO));

    public static final ConfigOption<Double> NETWORK_MEMORY_FRACTION = ConfigOptions.key("taskmanager.memory.network.fraction")
            .doubleType().defaultValue(0.1)
            .withDescription("Fraction of the TaskExecutor's Spindle memory given to data exchange buffers, clamped to min/max.")
            .checkedBy(Range.between(0.0, 1.0));

    public static final ConfigOption<MemorySize> NETWORK_MEMORY_MIN = ConfigOptions.key("taskmanager.memory.network.min")
            .memoryType().defaultValue(MemorySize.parse("64m"))
            .withDescription("Lower bound of the TaskExecutor's network (data exchange) memory.")
            .checkedBy(Range.atLeast(MemorySize.ZERO));

    public static final ConfigOption<MemorySize> NETWORK_MEMORY_MAX = ConfigOptions.key("taskmanager.memory.network.max")
            .memoryType().defaultValue(MemorySize.parse("1g"))
            .withDescription("Upper bound of the TaskExecutor's network (data exchange) memory.")
            .checkedBy(Range.atLeast(MemorySize.ZERO));

    public static final ConfigOption<MemorySize> JVM_METASPACE = ConfigOptions.key("taskmanager.memory.jvm-metaspace.size")
            .memoryType().defaultValue(MemorySize.parse("160m"))
            .withDescription("Metaspace of the TaskExecutor JVM (-XX:MaxMetaspaceSize).")
            .checkedBy(Range.atLeast(MemorySize.parse("1m")));

    public static final ConfigOption<Double> JVM_OVERHEAD_FRACTION = ConfigOptions.key("taskmanager.memory.jvm-overhead.fraction")
            .doubleType().defaultValue(0.1)
            .withDescription("Fraction of the TaskExecutor process size kept for JVM overhead (thread stacks, GC, code cache), clamped to min/max.")
            .checkedBy(Range.between(0.0, 1.0));

    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MIN = ConfigOptions.key("taskmanager.memory.jvm-overhead.min")
            .memoryType().defaultValue(MemorySize.parse("128m"))
            .withDescription("Lower bound of the TaskExecutor's JVM overhead.")
            .checkedBy(Range.atLeast(MemorySize.ZERO));

    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MAX = ConfigOptions.key("taskmanager.memory.jvm-overhead.max")
            .memoryType().defaultValue(MemorySize.parse("1g"))
            .withDescription("Upper bound of the TaskExecutor's JVM overhead.")
            .checkedBy(Range.atLeast(MemorySize.ZERO));

    public static final ConfigOption<String> HOST = ConfigOptions.key("taskmanager.host")
            .stringType().noDefaultValue()
            .withDescription("Address a TaskExecutor binds and advertises; defaults to the local host name.");

    public static final ConfigOption<Duration> TASK_CANCELLATION_TIMEOUT = ConfigOptions.key("task.cancellation.timeout")
            .durationType().defaultValue(Duration.ofMinutes(3))
            .withDescription("A canceled task whose thread has not ended after this long stops its TaskExecutor (exit code 3), "
                    + "which frees the slot; 0 ms keeps waiting.")
            .checkedBy(Range.atLeast(Duration.ZERO));

    public static final ConfigOption<Duration> REGISTRATION_TIMEOUT = ConfigOptions.key("taskmanager.registration.timeout")
            .durationType().defaultValue(Duration.ofMinutes(5))
            .withDescription("How long a TaskExecutor retries registering with the resource manager before it gives up.")
            .checkedBy(Range.atLeast(Duration.ofMillis(1)));
}
