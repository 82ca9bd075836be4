package dev.spindle.runtime.resourcemanager;

import dev.spindle.configuration.MemorySize;
import java.io.Serializable;

/** What a worker is asked for: total process memory, CPU cores and the number of slots. */
public record WorkerResourceSpec(MemorySize processMemory, int cpuCores, int numSlots) implements Serializable {
}
