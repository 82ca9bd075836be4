package dev.spindle.configuration;

/** Options of TaskExecutor processes. */
public final class TaskManagerOptions {

    private TaskManagerOptions() {
    }

    public static final ConfigOption<MemorySize> TOTAL_PROCESS_MEMORY = ConfigOptions.key("taskmanager.memory.process.size")
            .memoryType().defaultValue(MemorySize.parse("1024m"))
            .withDescription("Total memory of a TaskExecutor process: the YARN container size.");

    public static final ConfigOption<Integer> NUM_TASK_SLOTS = ConfigOptions.key("taskmanager.numberOfTaskSlots")
            .intType().defaultValue(1)
            .withDescription("Number of slots of each TaskExecutor; each runs one parallel instance of every vertex.");
}
