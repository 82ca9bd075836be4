package dev.spindle.yarn.am.driver;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.yarn.api.records.ContainerExitStatus;
import org.apache.hadoop.yarn.api.records.ContainerStatus;

import dev.spindle.configuration.TaskManagerOptions;

/** Turns a completed container's status into a sentence a user can act on. */
public final class ContainerExitDescriber {

    private static final Pattern USAGE = Pattern.compile("[\\d.]+ [KMGT]?B of [\\d.]+ [KMGT]?B (physical|virtual) memory used");

    private ContainerExitDescriber() {
    }

    public static String describe(ContainerStatus status, String host) {
        String prefix = "TaskExecutor container " + status.getContainerId() + (host == null ? "" : " on " + host) + " ";
        String diagnostics = status.getDiagnostics() == null ? "" : status.getDiagnostics().trim();
        int exit = status.getExitStatus();
        boolean memoryKill = exit == ContainerExitStatus.KILLED_EXCEEDED_PMEM || exit == ContainerExitStatus.KILLED_EXCEEDED_VMEM;
        // A memory kill's diagnostics are a process tree dump; its usage sentence is what the user needs.
        String detail = diagnostics.isEmpty() ? ""
                : memoryKill ? memoryUsage(diagnostics, exit == ContainerExitStatus.KILLED_EXCEEDED_PMEM ? "physical" : "virtual")
                : " [" + lastLines(diagnostics, 5) + "]";
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

    /** E.g. " (1.2 GB of 768 MB physical memory used)" from YARN's "Current usage: ..." sentence. */
    static String memoryUsage(String diagnostics, String kind) {
        Matcher m = USAGE.matcher(diagnostics);
        while (m.find()) {
            if (m.group(1).equals(kind)) {
                return " (" + m.group() + ")";
            }
        }
        return "";
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
