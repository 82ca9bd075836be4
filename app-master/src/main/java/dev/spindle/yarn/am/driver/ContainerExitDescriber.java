package dev.spindle.yarn.am.driver;

import org.apache.hadoop.yarn.api.records.ContainerExitStatus;
import org.apache.hadoop.yarn.api.records.ContainerStatus;

import dev.spindle.configuration.TaskManagerOptions;

/** Turns a completed container's status into a sentence a user can act on. */
public final class ContainerExitDescriber {

    private ContainerExitDescriber() {
    }

    public static String describe(ContainerStatus status, String host) {
        String prefix = "TaskExecutor container " + status.getContainerId() + (host == null ? "" : " on " + host) + " ";
        String diagnostics = status.getDiagnostics() == null ? "" : status.getDiagnostics().trim();
        String detail = diagnostics.isEmpty() ? "" : " [" + lastLines(diagnostics, 5) + "]";
        int exit = status.getExitStatus();
        return prefix + switch (exit) {
            case ContainerExitStatus.KILLED_EXCEEDED_PMEM -> "was killed for exceeding its physical memory: raise "
                    + TaskManagerOptions.TOTAL_PROCESS_MEMORY.key() + " or the JVM overhead keys (taskmanager.memory.jvm-overhead.*)" + detail;
            case ContainerExitStatus.KILLED_EXCEEDED_VMEM -> "was killed for exceeding its virtual memory: raise "
                    + TaskManagerOptions.TOTAL_PROCESS_MEMORY.key() + " or the JVM overhead keys, or ask the cluster admin to"
                    + " raise yarn.nodemanager.vmem-pmem-ratio" + detail;
            case ContainerExitStatus.PREEMPTED -> "was preempted by the YARN scheduler to give its resources to another queue" + detail;
            case ContainerExitStatus.DISKS_FAILED -> "ended because the NodeManager's disks failed (bad or full local/log dirs)" + detail;
            case ContainerExitStatus.ABORTED -> "was aborted by YARN (its node was lost or the container was released)" + detail;
            case ContainerExitStatus.KILLED_BY_RESOURCEMANAGER -> "was killed by the ResourceManager" + detail;
            case ContainerExitStatus.KILLED_BY_APPMASTER -> "was stopped by the ApplicationMaster" + detail;
            case ContainerExitStatus.KILLED_AFTER_APP_COMPLETION -> "was killed because the application completed" + detail;
            case ContainerExitStatus.KILLED_BY_CONTAINER_SCHEDULER -> "was killed by the NodeManager's container scheduler" + detail;
            case ContainerExitStatus.SUCCESS -> "exited (exit code 0)" + detail;
            default -> "exited with code " + exit + detail;
        };
    }

    private static String lastLines(String text, int n) {
        String[] lines = text.split("\n");
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, lines.length - n); i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                sb.append(sb.length() == 0 ? "" : " | ").append(lines[i].trim());
            }
        }
        return sb.toString();
    }
}
