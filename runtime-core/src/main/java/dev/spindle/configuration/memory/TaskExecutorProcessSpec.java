package dev.spindle.configuration.memory;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MemorySize;
import java.util.List;

/**
 * The memory split of a TaskExecutor process: heap (framework + task), metaspace, JVM overhead,
 * network memory (data exchange buffers) and managed memory.
 */
public final class TaskExecutorProcessSpec implements ProcessMemorySpec {

    /**
     * Derives the split from {@code taskmanager.memory.*}; throws IllegalConfigurationException
     * naming the keys to change when the settings are inconsistent.
     */
    public static TaskExecutorProcessSpec fromConfiguration(Configuration configuration) {
        // Filled in by the foundation issue (memory model).
        throw new UnsupportedOperationException("memory model not built yet");
    }

    @Override
    public MemorySize getTotalProcessMemory() {
        throw new UnsupportedOperationException();
    }

    @Override
    public MemorySize getJvmHeap() {
        throw new UnsupportedOperationException();
    }

    @Override
    public MemorySize getJvmMetaspace() {
        throw new UnsupportedOperationException();
    }

    @Override
    public MemorySize getJvmOverhead() {
        throw new UnsupportedOperationException();
    }

    /** Memory for data exchange buffers between TaskExecutors. */
    public MemorySize getNetworkMemory() {
        throw new UnsupportedOperationException();
    }

    /** Memory reserved for operators (sorting, state) outside the heap. */
    public MemorySize getManagedMemory() {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> jvmArgs() {
        throw new UnsupportedOperationException();
    }
}
