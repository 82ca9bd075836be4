package dev.spindle.configuration.memory;

import dev.spindle.configuration.MemorySize;
import java.util.List;

/** How a process's total memory is split, and the JVM flags that enforce the split. */
public interface ProcessMemorySpec {

    /** The container size: everything below added up. */
    MemorySize getTotalProcessMemory();

    MemorySize getJvmHeap();

    MemorySize getJvmMetaspace();

    MemorySize getJvmOverhead();

    /** -Xmx, -Xms, -XX:MaxMetaspaceSize, -XX:MaxDirectMemorySize. */
    List<String> jvmArgs();
}
