package dev.spindle.configuration;

/** Options of the ApplicationMaster ("JobManager") process. */
public final class JobManagerOptions {

    private JobManagerOptions() {
    }

    public static final ConfigOption<MemorySize> TOTAL_PROCESS_MEMORY = ConfigOptions.key("jobmanager.memory.process.size")
            .memoryType().defaultValue(MemorySize.parse("1024m"))
            .withDescription("Total memory of the JobManager (ApplicationMaster) process: the YARN container size.")
            .checkedBy(Range.atLeast(MemorySize.parse("1m")));

    public static final ConfigOption<MemorySize> JVM_HEAP_MEMORY = ConfigOptions.key("jobmanager.memory.heap.size")
            .memoryType().noDefaultValue()
            .withDescription("JVM heap of the JobManager; when set instead of the process size, the process size is derived from it.")
            .checkedBy(Range.atLeast(MemorySize.parse("1m")));

    public static final ConfigOption<MemorySize> OFF_HEAP_MEMORY = ConfigOptions.key("jobmanager.memory.off-heap.size")
            .memoryType().defaultValue(MemorySize.parse("128m"))
            .withDescription("Direct (off-heap) memory of the JobManager, used by RPC and REST; sets -XX:MaxDirectMemorySize.")
            .checkedBy(Range.atLeast(MemorySize.ZERO));

    public static final ConfigOption<MemorySize> JVM_METASPACE = ConfigOptions.key("jobmanager.memory.jvm-metaspace.size")
            .memoryType().defaultValue(MemorySize.parse("160m"))
            .withDescription("Metaspace of the JobManager JVM (-XX:MaxMetaspaceSize).")
            .checkedBy(Range.atLeast(MemorySize.parse("1m")));

    public static final ConfigOption<Double> JVM_OVERHEAD_FRACTION = ConfigOptions.key("jobmanager.memory.jvm-overhead.fraction")
            .doubleType().defaultValue(0.1)
            .withDescription("Fraction of the JobManager process size kept for JVM overhead (thread stacks, GC, code cache), clamped to min/max.")
            .checkedBy(Range.between(0.0, 1.0));

    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MIN = ConfigOptions.key("jobmanager.memory.jvm-overhead.min")
            .memoryType().defaultValue(MemorySize.parse("128m"))
            .withDescription("Lower bound of the JobManager's JVM overhead.")
            .checkedBy(Range.atLeast(MemorySize.ZERO));

    public static final ConfigOption<MemorySize> JVM_OVERHEAD_MAX = ConfigOptions.key("jobmanager.memory.jvm-overhead.max")
            .memoryType().defaultValue(MemorySize.parse("1g"))
            .withDescription("Upper bound of the JobManager's JVM overhead.")
            .checkedBy(Range.atLeast(MemorySize.ZERO));
}
