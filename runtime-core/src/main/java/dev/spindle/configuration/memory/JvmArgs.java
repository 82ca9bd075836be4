package dev.spindle.configuration.memory;

import java.util.List;

/** The JVM flags that enforce a memory split. */
final class JvmArgs {

    private JvmArgs() {
    }

    /** Heap is fixed (-Xms = -Xmx) so the container never grows past its size by heap expansion. */
    static List<String> of(long heap, long metaspace, long direct) {
        return List.of("-Xmx" + heap, "-Xms" + heap, "-XX:MaxMetaspaceSize=" + metaspace,
                "-XX:MaxDirectMemorySize=" + direct);
    }
}
