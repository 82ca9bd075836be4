package dev.spindle.configuration.memory;

import static dev.spindle.configuration.memory.MemoryFormat.size;
import static dev.spindle.configuration.memory.MemoryFormat.suggestion;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.configuration.JobManagerOptions;
import dev.spindle.configuration.MemorySize;
import java.util.List;

/**
 * The memory split of the ApplicationMaster ("JobManager") process: heap, off-heap (direct),
 * metaspace and JVM overhead, adding up to the process (container) size.
 */
public final class JobManagerProcessSpec implements ProcessMemorySpec {

    /** Below this the JobManager cannot hold its dispatcher, job masters and REST server. */
    public static final MemorySize MIN_HEAP = MemorySize.parse("128m");

    private final long heap;
    private final long offHeap;
    private final long metaspace;
    private final long overhead;

    JobManagerProcessSpec(long heap, long offHeap, long metaspace, long overhead) {
        this.heap = heap;
        this.offHeap = offHeap;
        this.metaspace = metaspace;
        this.overhead = overhead;
    }

    /**
     * Derives the split from {@code jobmanager.memory.*}; throws IllegalConfigurationException
     * naming the keys to change when the settings are inconsistent.
     */
    public static JobManagerProcessSpec fromConfiguration(Configuration configuration) {
        long metaspace = configuration.get(JobManagerOptions.JVM_METASPACE).getBytes();
        long offHeap = configuration.get(JobManagerOptions.OFF_HEAP_MEMORY).getBytes();
        BoundedFraction overhead = BoundedFraction.read(configuration, JobManagerOptions.JVM_OVERHEAD_FRACTION,
                JobManagerOptions.JVM_OVERHEAD_MIN, JobManagerOptions.JVM_OVERHEAD_MAX);

        if (configuration.contains(JobManagerOptions.JVM_HEAP_MEMORY)) {
            long heap = configuration.get(JobManagerOptions.JVM_HEAP_MEMORY).getBytes();
            if (heap < MIN_HEAP.getBytes()) {
                throw new IllegalConfigurationException("'" + JobManagerOptions.JVM_HEAP_MEMORY.key() + "' is "
                        + size(heap) + " but the JobManager needs at least " + size(MIN_HEAP.getBytes())
                        + " of heap. Set it to " + size(MIN_HEAP.getBytes()) + " or more.");
            }
            JobManagerProcessSpec derived = fromHeap(heap, offHeap, metaspace, overhead);
            if (!configuration.contains(JobManagerOptions.TOTAL_PROCESS_MEMORY)) {
                return derived;
            }
            return reconcile(derived, configuration.get(JobManagerOptions.TOTAL_PROCESS_MEMORY).getBytes(), overhead);
        }
        return fromProcessSize(configuration.get(JobManagerOptions.TOTAL_PROCESS_MEMORY).getBytes(), offHeap,
                metaspace, overhead);
    }

    private static JobManagerProcessSpec fromProcessSize(long total, long offHeap, long metaspace,
            BoundedFraction overheadFraction) {
        long overhead = overheadFraction.ofTotal(total);
        long heap = total - offHeap - metaspace - overhead;
        if (heap < MIN_HEAP.getBytes()) {
            long needed = fromHeap(MIN_HEAP.getBytes(), offHeap, metaspace, overheadFraction).getTotalProcessMemory()
                    .getBytes();
            throw new IllegalConfigurationException("'" + JobManagerOptions.TOTAL_PROCESS_MEMORY.key() + "' is "
                    + size(total) + ", too small: after JVM metaspace ("
                    + MemoryFormat.kv(JobManagerOptions.JVM_METASPACE, metaspace) + "), off-heap ("
                    + MemoryFormat.kv(JobManagerOptions.OFF_HEAP_MEMORY, offHeap) + ") and JVM overhead ("
                    + size(overhead) + " from " + overheadFraction.describe() + ") the heap would be "
                    + size(heap) + ", below the minimum of " + size(MIN_HEAP.getBytes()) + ". Set "
                    + JobManagerOptions.TOTAL_PROCESS_MEMORY.key() + " to at least " + suggestion(needed)
                    + ", or lower the metaspace/off-heap/overhead sizes.");
        }
        return new JobManagerProcessSpec(heap, offHeap, metaspace, overhead);
    }

    private static JobManagerProcessSpec fromHeap(long heap, long offHeap, long metaspace,
            BoundedFraction overheadFraction) {
        long rest = heap + offHeap + metaspace;
        long overhead = overheadFraction.forRest(rest);
        // Container sizes are whole MiB; the rounding goes to the overhead.
        long total = MemoryFormat.roundUpToMib(rest + overhead);
        return new JobManagerProcessSpec(heap, offHeap, metaspace, total - rest);
    }

    /** Both heap and process size are set: the process size must fit the heap, the slack goes to overhead. */
    private static JobManagerProcessSpec reconcile(JobManagerProcessSpec derived, long total,
            BoundedFraction overheadFraction) {
        String heapKey = JobManagerOptions.JVM_HEAP_MEMORY.key();
        String processKey = JobManagerOptions.TOTAL_PROCESS_MEMORY.key();
        long needed = derived.getTotalProcessMemory().getBytes();
        long overhead = total - derived.heap - derived.offHeap - derived.metaspace;
        if (overhead < overheadFraction.min) {
            throw new IllegalConfigurationException("'" + heapKey + "' (" + size(derived.heap) + ") and '"
                    + processKey + "' (" + size(total) + ") do not fit together: that heap needs a process size of "
                    + suggestion(needed) + ". Set " + processKey + " to at least " + suggestion(needed)
                    + ", or remove one of the two keys and let Spindle derive it.");
        }
        if (overhead > overheadFraction.max) {
            throw new IllegalConfigurationException("'" + processKey + "' (" + size(total) + ") is larger than '"
                    + heapKey + "' (" + size(derived.heap) + ") needs (" + suggestion(needed) + "), and the rest ("
                    + size(overhead) + ") exceeds '" + overheadFraction.maxKey + "' (" + size(overheadFraction.max)
                    + "). Raise " + heapKey + ", set " + processKey + " to " + suggestion(needed)
                    + ", or remove one of the two keys.");
        }
        return new JobManagerProcessSpec(derived.heap, derived.offHeap, derived.metaspace, overhead);
    }

    @Override
    public MemorySize getTotalProcessMemory() {
        return MemorySize.ofBytes(heap + offHeap + metaspace + overhead);
    }

    @Override
    public MemorySize getJvmHeap() {
        return MemorySize.ofBytes(heap);
    }

    /** Direct memory of the process: -XX:MaxDirectMemorySize. */
    public MemorySize getOffHeap() {
        return MemorySize.ofBytes(offHeap);
    }

    @Override
    public MemorySize getJvmMetaspace() {
        return MemorySize.ofBytes(metaspace);
    }

    @Override
    public MemorySize getJvmOverhead() {
        return MemorySize.ofBytes(overhead);
    }

    @Override
    public List<String> jvmArgs() {
        return JvmArgs.of(heap, metaspace, offHeap);
    }

    @Override
    public String toString() {
        return "JobManager memory: process " + size(getTotalProcessMemory().getBytes()) + " = heap " + size(heap)
                + " + off-heap " + size(offHeap) + " + metaspace " + size(metaspace) + " + JVM overhead "
                + size(overhead);
    }
}
