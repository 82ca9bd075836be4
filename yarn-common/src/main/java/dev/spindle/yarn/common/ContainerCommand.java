package dev.spindle.yarn.common;

import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.yarn.api.ApplicationConstants;

/**
 * The command line of a Spindle JVM in a YARN container: memory flags from the memory model, log
 * files in the container's log dir (so YARN shows and aggregates them), the shipped log config.
 */
public final class ContainerCommand {

    private ContainerCommand() {
    }

    /**
     * @param logName base name of the log files, e.g. {@code jobmanager} or {@code taskmanager}
     */
    public static String build(List<String> jvmArgs, String logName, String mainClass, List<String> mainArgs) {
        String logDir = ApplicationConstants.LOG_DIR_EXPANSION_VAR;
        List<String> parts = new ArrayList<>();
        parts.add(ApplicationConstants.Environment.JAVA_HOME.$$() + "/bin/java");
        parts.addAll(jvmArgs);
        parts.add("-Dlog.file=" + logDir + "/" + logName + ".log");
        parts.add("-Dlog4j.configurationFile=" + ContainerLayout.confFile(ContainerLayout.LOG4J_FILE));
        parts.add(mainClass);
        parts.addAll(mainArgs);
        parts.add("1>" + logDir + "/" + logName + ".out");
        parts.add("2>" + logDir + "/" + logName + ".err");
        return String.join(" ", parts);
    }
}
