package dev.spindle.configuration.memory;

import static dev.spindle.configuration.memory.MemoryFormat.kv;
import static dev.spindle.configuration.memory.MemoryFormat.size;
import static dev.spindle.configuration.memory.MemoryFormat.suggestion;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.configuration.MemorySize;
import dev.spindle.configuration.TaskManagerOptions;
import java.util.List;

/**
 * The memory split of a TaskExecutor process: heap (framework + task), metaspace, JVM overhead,
 * network memory (data exchange buffers) and managed memory.
 *
 * <p>"Spindle memory" below is the process size minus metaspace and JVM overhead: the part that
 * the network and managed fractions apply to.
 */
public final class TaskExecutorProcessSpec implements ProcessMemorySpec {

    /** Below this user functions have no room for their objects. */
    public static final MemorySize MIN_TASK_HEAP = MemorySize.parse("32m");

    private final long frameworkHeap;
    private final long taskHeap;
    private final long frameworkOffHeap;
    private final long taskOffHeap;
    private final long network;
    private final long managed;
    private final long metaspace;
    private final long overhead;

    private TaskExecutorProcessSpec(long frameworkHeap, long taskHeap, long frameworkOffHeap, long taskOffHeap,
            long network, long managed, long metaspace, long overhead) {
        this.frameworkHeap = frameworkHeap;
        this.taskHeap = taskHeap;
        this.frameworkOffHeap = frameworkOffHeap;
        this.taskOffHeap = taskOffHeap;
        this.network = network;
        this.managed = managed;
        this.metaspace = metaspace;
        this.overhead = overhead;
    }

    /**
     * Derives the split from {@code taskmanager.memory.*}; throws IllegalConfigurationException
     * naming the keys to change when the settings are inconsistent.
     */
    public static TaskExecutorProcessSpec fromConfiguration(Configuration configuration) {
        Settings s = new Settings(configuration);
        if (configuration.contains(TaskManagerOptions.TASK_HEAP_MEMORY)) {
            long taskHeap = configuration.get(TaskManagerOptions.TASK_HEAP_MEMORY).getBytes();
            if (taskHeap < MIN_TASK_HEAP.getBytes()) {
                throw new IllegalConfigurationException("'" + TaskManagerOptions.TASK_HEAP_MEMORY.key() + "' is "
                        + size(taskHeap) + " but must be at least " + size(MIN_TASK_HEAP.getBytes()) + ". Set it to "
                        + size(MIN_TASK_HEAP.getBytes()) + " or more.");
            }
            TaskExecutorProcessSpec derived = fromTaskHeap(taskHeap, s);
            if (!configuration.contains(TaskManagerOptions.TOTAL_PROCESS_MEMORY)) {
                return derived;
            }
            return reconcile(derived, configuration.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY).getBytes(), s);
        }
        return fromProcessSize(configuration.get(TaskManagerOptions.TOTAL_PROCESS_MEMORY).getBytes(), s);
    }

    private static TaskExecutorProcessSpec fromProcessSize(long total, Settings s) {
        String processKey = TaskManagerOptions.TOTAL_PROCESS_MEMORY.key();
        long overhead = s.overhead.ofTotal(total);
        long spindleMemory = total - s.metaspace - overhead;
        long network = s.network.ofTotal(Math.max(0, spindleMemory));
        long managed = s.managedSize >= 0 ? s.managedSize : (long) (Math.max(0, spindleMemory) * s.managedFraction);
        long taskHeap = spindleMemory - s.frameworkHeap - s.frameworkOffHeap - s.taskOffHeap - network - managed;
        if (taskHeap < MIN_TASK_HEAP.getBytes()) {
            long needed = fromTaskHeap(MIN_TASK_HEAP.getBytes(), s).getTotalProcessMemory().getBytes();
            throw new IllegalConfigurationException("'" + processKey + "' is " + size(total)
                    + ", too small: after JVM metaspace (" + kv(TaskManagerOptions.JVM_METASPACE, s.metaspace)
                    + "), JVM overhead (" + size(overhead) + " from " + s.overhead.describe() + "), framework heap ("
                    + kv(TaskManagerOptions.FRAMEWORK_HEAP_MEMORY, s.frameworkHeap) + "), framework off-heap ("
                    + kv(TaskManagerOptions.FRAMEWORK_OFF_HEAP_MEMORY, s.frameworkOffHeap) + "), task off-heap ("
                    + kv(TaskManagerOptions.TASK_OFF_HEAP_MEMORY, s.taskOffHeap) + "), network memory ("
                    + size(network) + " from " + s.network.describe() + ") and managed memory (" + size(managed)
                    + " from " + s.managedSource() + ") the task heap would be " + size(taskHeap)
                    + ", below the minimum of " + size(MIN_TASK_HEAP.getBytes()) + ". Set " + processKey
                    + " to at least " + suggestion(needed) + ", or lower the other sizes.");
        }
        return new TaskExecutorProcessSpec(s.frameworkHeap, taskHeap, s.frameworkOffHeap, s.taskOffHeap, network,
                managed, s.metaspace, overhead);
    }

    /** Solves for the Spindle memory M where M = fixed parts + network(M) + managed(M). */
    private static TaskExecutorProcessSpec fromTaskHeap(long taskHeap, Settings s) {
        double managedFraction = s.managedSize >= 0 ? 0 : s.managedFraction;
        long fixed = s.frameworkHeap + taskHeap + s.frameworkOffHeap + s.taskOffHeap
                + Math.max(0, s.managedSize);
        double spindleMemory = fixed / (1 - managedFraction - s.network.fraction);
        long network = (long) (spindleMemory * s.network.fraction);
        if (network < s.network.min || network > s.network.max) {
            network = network < s.network.min ? s.network.min : s.network.max;
            spindleMemory = (fixed + network) / (1 - managedFraction);
        }
        long managed = s.managedSize >= 0 ? s.managedSize : (long) (spindleMemory * managedFraction);
        long exact = s.frameworkHeap + taskHeap + s.frameworkOffHeap + s.taskOffHeap + network + managed;
        long rest = exact + s.metaspace;
        long overhead = s.overhead.forRest(rest);
        // Container sizes are whole MiB; the rounding goes to the overhead.
        long total = MemoryFormat.roundUpToMib(rest + overhead);
        return new TaskExecutorProcessSpec(s.frameworkHeap, taskHeap, s.frameworkOffHeap, s.taskOffHeap, network,
                managed, s.metaspace, total - rest);
    }

    /** Both task heap and process size are set: the process must fit the heap; the slack goes to overhead. */
    private static TaskExecutorProcessSpec reconcile(TaskExecutorProcessSpec derived, long total, Settings s) {
        String heapKey = TaskManagerOptions.TASK_HEAP_MEMORY.key();
        String processKey = TaskManagerOptions.TOTAL_PROCESS_MEMORY.key();
        long needed = derived.getTotalProcessMemory().getBytes();
        long overhead = total - (needed - derived.overhead);
        if (overhead < s.overhead.min) {
            throw new IllegalConfigurationException("'" + heapKey + "' (" + size(derived.taskHeap) + ") and '"
                    + processKey + "' (" + size(total) + ") do not fit together: that task heap needs a process size"
                    + " of " + suggestion(needed) + ". Set " + processKey + " to at least " + suggestion(needed)
                    + ", or remove one of the two keys and let Spindle derive it.");
        }
        if (overhead > s.overhead.max) {
            throw new IllegalConfigurationException("'" + processKey + "' (" + size(total) + ") is larger than '"
                    + heapKey + "' (" + size(derived.taskHeap) + ") needs (" + suggestion(needed) + "), and the rest ("
                    + size(overhead) + ") exceeds '" + s.overhead.maxKey + "' (" + size(s.overhead.max) + "). Raise "
                    + heapKey + ", set " + processKey + " to " + suggestion(needed) + ", or remove one of the two keys.");
        }
        return new TaskExecutorProcessSpec(derived.frameworkHeap, derived.taskHeap, derived.frameworkOffHeap,
                derived.taskOffHeap, derived.network, derived.managed, derived.metaspace, overhead);
    }

    @Override
    public MemorySize getTotalProcessMemory() {
        return MemorySize.ofBytes(frameworkHeap + taskHeap + frameworkOffHeap + taskOffHeap + network + managed
                + metaspace + overhead);
    }

    /** Framework heap plus task heap: -Xmx. */
    @Override
    public MemorySize getJvmHeap() {
        return MemorySize.ofBytes(frameworkHeap + taskHeap);
    }

    public MemorySize getFrameworkHeap() {
        return MemorySize.ofBytes(frameworkHeap);
    }

    public MemorySize getTaskHeap() {
        return MemorySize.ofBytes(taskHeap);
    }

    public MemorySize getFrameworkOffHeap() {
        return MemorySize.ofBytes(frameworkOffHeap);
    }

    public MemorySize getTaskOffHeap() {
        return MemorySize.ofBytes(taskOffHeap);
    }

    /** Framework off-heap, task off-heap and network memory: -XX:MaxDirectMemorySize. */
    public MemorySize getDirectMemory() {
        return MemorySize.ofBytes(frameworkOffHeap + taskOffHeap + network);
    }

    @Override
    public MemorySize getJvmMetaspace() {
        return MemorySize.ofBytes(metaspace);
    }

    @Override
    public MemorySize getJvmOverhead() {
        return MemorySize.ofBytes(overhead);
    }

    /** Memory for data exchange buffers between TaskExecutors. */
    public MemorySize getNetworkMemory() {
        return MemorySize.ofBytes(network);
    }

    /** Memory reserved for operators (sorting, state) outside the heap. */
    public MemorySize getManagedMemory() {
        return MemorySize.ofBytes(managed);
    }

    @Override
    public List<String> jvmArgs() {
        return JvmArgs.of(frameworkHeap + taskHeap, metaspace, getDirectMemory().getBytes());
    }

    @Override
    public String toString() {
        return "TaskExecutor memory: process " + size(getTotalProcessMemory().getBytes()) + " = framework heap "
                + size(frameworkHeap) + " + task heap " + size(taskHeap) + " + framework off-heap "
                + size(frameworkOffHeap) + " + task off-heap " + size(taskOffHeap) + " + network " + size(network)
                + " + managed " + size(managed) + " + metaspace " + size(metaspace) + " + JVM overhead "
                + size(overhead);
    }

    /** The configured sizes and fractions, checked once. */
    private static final class Settings {
        final long frameworkHeap;
        final long frameworkOffHeap;
        final long taskOffHeap;
        final long metaspace;
        final long managedSize;
        final double managedFraction;
        final BoundedFraction network;
        final BoundedFraction overhead;

        Settings(Configuration conf) {
            frameworkHeap = conf.get(TaskManagerOptions.FRAMEWORK_HEAP_MEMORY).getBytes();
            frameworkOffHeap = conf.get(TaskManagerOptions.FRAMEWORK_OFF_HEAP_MEMORY).getBytes();
            taskOffHeap = conf.get(TaskManagerOptions.TASK_OFF_HEAP_MEMORY).getBytes();
            metaspace = conf.get(TaskManagerOptions.JVM_METASPACE).getBytes();
            managedSize = conf.getOptional(TaskManagerOptions.MANAGED_MEMORY_SIZE).map(MemorySize::getBytes)
                    .orElse(-1L);
            managedFraction = MemoryFormat.checkFraction(conf, TaskManagerOptions.MANAGED_MEMORY_FRACTION);
            network = BoundedFraction.read(conf, TaskManagerOptions.NETWORK_MEMORY_FRACTION,
                    TaskManagerOptions.NETWORK_MEMORY_MIN, TaskManagerOptions.NETWORK_MEMORY_MAX);
            overhead = BoundedFraction.read(conf, TaskManagerOptions.JVM_OVERHEAD_FRACTION,
                    TaskManagerOptions.JVM_OVERHEAD_MIN, TaskManagerOptions.JVM_OVERHEAD_MAX);
            double usedFractions = (managedSize >= 0 ? 0 : managedFraction) + network.fraction;
            if (usedFractions >= 1) {
                throw new IllegalConfigurationException("'" + TaskManagerOptions.MANAGED_MEMORY_FRACTION.key() + "' ("
                        + managedFraction + ") and '" + network.fractionKey + "' (" + network.fraction
                        + ") add up to " + usedFractions + ", leaving nothing for the heap. Keep their sum well below 1,"
                        + " e.g. " + TaskManagerOptions.MANAGED_MEMORY_FRACTION.defaultValue() + " and "
                        + TaskManagerOptions.NETWORK_MEMORY_FRACTION.defaultValue() + ".");
            }
        }

        String managedSource() {
            return managedSize >= 0 ? kv(TaskManagerOptions.MANAGED_MEMORY_SIZE, managedSize)
                    : TaskManagerOptions.MANAGED_MEMORY_FRACTION.key() + "=" + managedFraction;
        }
    }
}
