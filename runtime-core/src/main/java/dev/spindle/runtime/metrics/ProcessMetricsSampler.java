package dev.spindle.runtime.metrics;

import dev.spindle.runtime.rpc.proto.ProcessMetrics;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/** This JVM's heap, non-heap and garbage collection figures, as a TaskExecutor sends them on its heartbeat. */
public final class ProcessMetricsSampler {

    private ProcessMetricsSampler() {
    }

    /** The configured memory model of a TaskExecutor, to carry on every sample. */
    public static ProcessMetrics memoryModel(dev.spindle.configuration.memory.TaskExecutorProcessSpec spec) {
        return ProcessMetrics.newBuilder().setProcessMemory(spec.getTotalProcessMemory().getBytes())
                .setHeapMemory(spec.getJvmHeap().getBytes()).setManagedMemory(spec.getManagedMemory().getBytes())
                .setNetworkMemory(spec.getNetworkMemory().getBytes()).setMetaspace(spec.getJvmMetaspace().getBytes())
                .setOverhead(spec.getJvmOverhead().getBytes()).build();
    }

    /** The JVM figures now, on top of {@code base} (a builder holding the process's configured memory model, or empty). */
    public static ProcessMetrics sample(ProcessMetrics base) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long gcCount = 0;
        long gcTime = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcTime += Math.max(0, gc.getCollectionTime());
        }
        return base.toBuilder().setHeapUsed(heap.getUsed()).setHeapCommitted(heap.getCommitted())
                .setHeapMax(heap.getMax()).setNonHeapUsed(ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage().getUsed())
                .setGcCount(gcCount).setGcTimeMillis(gcTime).setThreads(ManagementFactory.getThreadMXBean().getThreadCount()).build();
    }
}
