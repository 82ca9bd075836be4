package dev.spindle.configuration;

/** Options of the ApplicationMaster ("JobManager") process. */
public final class JobManagerOptions {

    private JobManagerOptions() {
    }

    public static final ConfigOption<MemorySize> TOTAL_PROCESS_MEMORY = ConfigOptions.key("jobmanager.memory.process.size")
            .memoryType().defaultValue(MemorySize.parse("1024m"))
            .withDescription("Total memory of the JobManager (ApplicationMaster) process: the YARN container size.");
}
