package dev.spindle.yarn.am.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.hadoop.yarn.api.records.ContainerExitStatus;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerState;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.junit.jupiter.api.Test;

/** The sentences users read for ended TaskExecutor containers, from diagnostics as a NodeManager writes them. */
class ContainerExitDescriberTest {

    private static final ContainerId ID = ContainerId.fromString("container_1795244766727_0001_01_000002");

    @Test
    void physicalMemoryKillKeepsOnlyTheUsageSentence() {
        String diagnostics = "Container [pid=18690,containerID=" + ID + "] is running 450490368B beyond the 'PHYSICAL'"
                + " memory limit. Current usage: 1.2 GB of 768 MB physical memory used; 2.8 GB of 1.6 GB virtual memory used."
                + " Killing container.\nDump of the process-tree for " + ID + " :\n\t|- PID PPID PGRPID SESSID CMD_NAME\n"
                + "\t|- 19195 18690 18690 18690 (java) 360 83 3038707712 305755 /bin/java -Xmx243269632\n"
                + "[2026-11-21 07:07:20.221]Container killed on request. Exit code is 143\n";
        assertEquals("TaskExecutor container " + ID + " on node-1 was killed for exceeding its physical memory: raise"
                + " taskmanager.memory.process.size or the JVM overhead keys (taskmanager.memory.jvm-overhead.*)"
                + " (1.2 GB of 768 MB physical memory used)",
                ContainerExitDescriber.describe(status(ContainerExitStatus.KILLED_EXCEEDED_PMEM, diagnostics), "node-1"));
    }

    @Test
    void nonZeroExitCarriesTheLastLinesOfItsStderr() {
        String diagnostics = "Exception from container-launch.\nContainer exited with a non-zero exit code 1. Error file:"
                + " prelaunch.err.\nLast 4096 bytes of taskmanager.err :\nException in thread \"main\" java.lang.IllegalStateException:"
                + " bad config\n\tat dev.spindle.Foo.main(Foo.java:1)\n";
        assertEquals("TaskExecutor container " + ID + " on node-1 exited with code 1 [Exception from container-launch. | Container exited with a non-zero exit"
                + " code 1. Error file: prelaunch.err. | Last 4096 bytes of taskmanager.err : | Exception in thread \"main\""
                + " java.lang.IllegalStateException: bad config | at dev.spindle.Foo.main(Foo.java:1)]",
                ContainerExitDescriber.describe(status(1, diagnostics), "node-1"));
    }

    @Test
    void preemptionAndDiskFailureInWords() {
        assertEquals("TaskExecutor container " + ID + " on node-1 was preempted by the YARN scheduler to give its resources"
                + " to another queue", ContainerExitDescriber.describe(status(ContainerExitStatus.PREEMPTED, ""), "node-1"));
        assertEquals("TaskExecutor container " + ID + " on node-1 ended because the NodeManager's disks failed (bad or full"
                + " local/log dirs)", ContainerExitDescriber.describe(status(ContainerExitStatus.DISKS_FAILED, ""), "node-1"));
    }

    private static ContainerStatus status(int exit, String diagnostics) {
        return ContainerStatus.newInstance(ID, ContainerState.COMPLETE, diagnostics, exit);
    }
}
