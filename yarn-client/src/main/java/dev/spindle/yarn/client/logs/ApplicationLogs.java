package dev.spindle.yarn.client.logs;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.LogAggregationStatus;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;

import dev.spindle.yarn.client.cluster.ApplicationReports;

/**
 * The logs of one application wherever they are: from the NodeManagers while it runs (optionally
 * following them), from the aggregated logs once it ended. The user never names a node.
 */
public final class ApplicationLogs {

    private static final EnumSet<LogAggregationStatus> AGGREGATION_DONE = EnumSet.of(LogAggregationStatus.SUCCEEDED,
            LogAggregationStatus.FAILED, LogAggregationStatus.TIME_OUT, LogAggregationStatus.DISABLED);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final YarnClient yarn;
    private final YarnConfiguration conf;
    private final PrintStream out;
    private final Duration aggregationWait;

    public ApplicationLogs(YarnClient yarn, YarnConfiguration conf, PrintStream out, Duration aggregationWait) {
        this.yarn = yarn;
        this.conf = conf;
        this.out = out;
        this.aggregationWait = aggregationWait;
    }

    /**
     * Prints the logs; with {@code follow}, keeps printing new lines until the application ended.
     *
     * @throws LogsUnavailableException when the logs cannot be found, with the reason for the user
     */
    public void print(ApplicationId appId, String containerIdOrNull, boolean follow)
            throws IOException, YarnException, InterruptedException, LogsUnavailableException {
        ApplicationReport report = yarn.getApplicationReport(appId);
        if (ApplicationReports.ended(report)) {
            printAggregated(report, containerIdOrNull);
            return;
        }
        NodeManagerLogReader reader = NodeManagerLogReader.asCurrentUser(yarn, report);
        Map<String, Integer> printed = new HashMap<>();
        while (true) {
            List<String> problems = new ArrayList<>();
            int containers = printNew(reader, appId, containerIdOrNull, printed, problems);
            if (!follow) {
                if (containers == 0) {
                    throw new LogsUnavailableException((containerIdOrNull == null
                            ? "Application " + appId + " has no running containers whose logs could be read (it is "
                                    + report.getYarnApplicationState() + ")"
                            : "Container " + containerIdOrNull + " is not a running container of application " + appId)
                            + (problems.isEmpty() ? "." : ": " + String.join("; ", problems)));
                }
                return;
            }
            if (ApplicationReports.ended(yarn.getApplicationReport(appId))) {
                out.println("==> application " + appId + " ended <==");
                return;
            }
            Thread.sleep(POLL.toMillis()); // the NodeManagers offer no push of new log lines
        }
    }

    /** Prints what was added to each log file since the last call; returns how many containers were read. */
    private int printNew(NodeManagerLogReader reader, ApplicationId appId, String onlyContainer, Map<String, Integer> printed,
            List<String> problems) throws IOException, YarnException, LogsUnavailableException {
        List<RunningContainer> containers = reader.containers(appId);
        int read = 0;
        for (RunningContainer c : containers) {
            if (onlyContainer != null && !onlyContainer.equals(c.containerId()) || c.nodeHttpAddress() == null) {
                continue;
            }
            List<String> files;
            try {
                files = filesWithOneRetry(reader, c);
            } catch (LogsAccessDeniedException denied) {
                throw new LogsUnavailableException(denied.getMessage());
            } catch (IOException e) {
                // A container that just ended is gone from its NodeManager; the others still count, and the user hears of it.
                problems.add(c.containerId() + ": " + e.getMessage());
                out.println("==> " + c.containerId() + ": logs not readable now (" + e.getMessage() + ") <==");
                continue;
            }
            read++;
            for (String file : files) {
                String key = c.containerId() + "/" + file;
                String content;
                try {
                    content = reader.read(c, file);
                } catch (IOException e) {
                    continue;
                }
                int from = printed.getOrDefault(key, 0);
                if (content.length() > from) {
                    out.println("==> " + c.containerId() + " " + file + " <==");
                    out.print(content.substring(from));
                    if (!content.endsWith("\n")) {
                        out.println();
                    }
                    printed.put(key, content.length());
                }
            }
        }
        return read;
    }

    private static List<String> filesWithOneRetry(NodeManagerLogReader reader, RunningContainer c) throws IOException {
        try {
            return reader.files(c);
        } catch (LogsAccessDeniedException denied) {
            throw denied;
        } catch (IOException first) {
            // A busy NodeManager may time out once; a second answer is usually quick.
            return reader.files(c);
        }
    }

    private void printAggregated(ApplicationReport report, String containerIdOrNull)
            throws IOException, YarnException, InterruptedException, LogsUnavailableException {
        ApplicationId appId = report.getApplicationId();
        if (!conf.getBoolean(YarnConfiguration.LOG_AGGREGATION_ENABLED, YarnConfiguration.DEFAULT_LOG_AGGREGATION_ENABLED)
                || report.getLogAggregationStatus() == LogAggregationStatus.DISABLED) {
            throw new LogsUnavailableException("Application " + appId + " ended and the cluster does not aggregate logs ("
                    + YarnConfiguration.LOG_AGGREGATION_ENABLED + " is false): its logs stay in "
                    + YarnConfiguration.NM_LOG_DIRS + " on the NodeManagers that ran it, for "
                    + YarnConfiguration.NM_LOG_RETAIN_SECONDS + ".");
        }
        long deadline = System.nanoTime() + aggregationWait.toNanos();
        while (!AGGREGATION_DONE.contains(report.getLogAggregationStatus()) && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis() / 4); // the NodeManagers upload after the application ended
            report = yarn.getApplicationReport(appId);
        }
        boolean found;
        try {
            // The owner locates the logs in the remote log dir; they are read with the caller's own
            // file system identity, so the remote dir's permissions decide.
            found = new AggregatedLogReader(conf).print(appId, report.getUser(), containerIdOrNull, out);
        } catch (IOException e) {
            if (AggregatedLogReader.accessDenied(e)) {
                throw new LogsUnavailableException("The file system refused user '" + UserGroupInformation.getCurrentUser()
                        .getShortUserName() + "' the aggregated logs of application " + appId + " (owned by '"
                        + report.getUser() + "'): " + e.getMessage() + ". Ask the owner or an administrator for read"
                        + " access to its remote log dir, or run 'spindle logs' as '" + report.getUser() + "'.");
            }
            found = false;
        }
        out.flush();
        if (!found) {
            throw new LogsUnavailableException("No aggregated logs of application " + appId
                    + (containerIdOrNull == null ? "" : " container " + containerIdOrNull) + " (log aggregation is "
                    + report.getLogAggregationStatus() + ")"
                    + (report.getLogAggregationStatus() == LogAggregationStatus.SUCCEEDED ? "" : "; try again when it is SUCCEEDED")
                    + ".");
        }
    }

    /** The logs cannot be shown; the message says why and where they are. */
    public static final class LogsUnavailableException extends Exception {
        private static final long serialVersionUID = 1L;

        LogsUnavailableException(String message) {
            super(message);
        }
    }
}
