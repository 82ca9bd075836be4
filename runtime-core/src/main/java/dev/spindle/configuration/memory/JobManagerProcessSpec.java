package dev.spindle.configuration.memory;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MemorySize;
import java.util.List;

/** The memory split of the ApplicationMaster ("JobManager") process. */
public final class JobManagerProcessSpec implements ProcessMemorySpec {

    /**
     * Derives the split from {@code jobmanager.memory.*}; throws IllegalConfigurationException
     * naming the keys to change when the settings are inconsistent.
     */
    public static JobManagerProcessSpec fromConfiguration(Configuration configuration) {
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

    @Override
    public List<String> jvmArgs() {
        throw new UnsupportedOperationException();
    }
}
