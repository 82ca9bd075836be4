package dev.spindle.it.yarn;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.hadoop.yarn.api.records.ApplicationId;

/**
 * The JVMs of an application's containers on this machine, found by their command lines: every
 * Spindle container JVM logs into {@code -Dlog.file=<container log dir>/...}, whose path names the
 * container id.
 */
final class ContainerProcesses {

    private static final Pattern CONTAINER_ID = Pattern.compile("(container_(?:e\\d+_)?\\d+_\\d+_\\d+_\\d+)");
    private static final String TASK_EXECUTOR_MAIN = "dev.spindle.yarn.te.YarnTaskExecutorRunner";

    private ContainerProcesses() {
    }

    /** Every live container JVM of the application (not the shells YARN starts them from). */
    static List<ProcessHandle> of(ApplicationId appId) {
        String appPart = appId.toString().substring("application_".length());
        return ProcessHandle.allProcesses().filter(p -> commandLine(p).contains("-Dlog.file="))
                .filter(p -> commandLine(p).split(" ", 2)[0].endsWith("java"))
                .filter(p -> containerIdOf(p).contains("_" + appPart + "_")).toList();
    }

    /** The application's TaskExecutor JVMs, by container id. */
    static List<ProcessHandle> taskExecutors(ApplicationId appId) {
        return of(appId).stream().filter(p -> commandLine(p).contains(TASK_EXECUTOR_MAIN))
                .sorted(java.util.Comparator.comparing(ContainerProcesses::containerIdOf)).toList();
    }

    /** The application's ApplicationMaster JVM: the one container JVM that is no TaskExecutor. */
    static ProcessHandle applicationMaster(ApplicationId appId) {
        List<ProcessHandle> ams = of(appId).stream().filter(p -> !commandLine(p).contains(TASK_EXECUTOR_MAIN)).toList();
        if (ams.size() != 1) {
            throw new IllegalStateException("expected one ApplicationMaster JVM of " + appId + ", found " + ams.size());
        }
        return ams.get(0);
    }

    /**
     * Sends a signal to the process, e.g. {@code STOP} to freeze it as a long GC pause would, and
     * {@code CONT} to let it go on; ProcessHandle can only terminate.
     */
    static void signal(ProcessHandle process, String signal) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).redirectErrorStream(true).start();
        String said = new String(kill.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + process.pid() + " failed: " + said);
        }
    }

    static String containerIdOf(ProcessHandle process) {
        Matcher m = CONTAINER_ID.matcher(commandLine(process));
        return m.find() ? m.group(1) : "";
    }

    /**
     * The full command line. ProcessHandle.Info shortens or drops the arguments of long command
     * lines (a container JVM's classpath), so on Linux it is read from /proc.
     */
    private static String commandLine(ProcessHandle process) {
        java.nio.file.Path proc = java.nio.file.Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            return new String(java.nio.file.Files.readAllBytes(proc), java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (java.io.IOException | SecurityException e) {
            return process.info().commandLine().orElse("");
        }
    }
}
