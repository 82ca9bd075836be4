package dev.spindle.yarn.client.logs;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Set;

import org.apache.hadoop.security.AccessControlException;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.logaggregation.ContainerLogsRequest;
import org.apache.hadoop.yarn.logaggregation.filecontroller.LogAggregationFileController;
import org.apache.hadoop.yarn.logaggregation.filecontroller.LogAggregationFileControllerFactory;

/** Prints the logs the NodeManagers aggregated into the remote log dir after an application ended. */
final class AggregatedLogReader {

    private final YarnConfiguration conf;

    AggregatedLogReader(YarnConfiguration conf) {
        this.conf = conf;
    }

    /** Writes the logs of all containers, or of one; false when none were found. */
    boolean print(ApplicationId appId, String owner, String containerIdOrNull, OutputStream out) throws IOException {
        LogAggregationFileController controller = new LogAggregationFileControllerFactory(conf)
                .getFileControllerForRead(appId, owner);
        ContainerLogsRequest request = new ContainerLogsRequest(appId, null, true, owner, null, null, containerIdOrNull,
                null, Set.of(), Long.MAX_VALUE, null);
        return controller.readAggregatedLogs(request, out);
    }

    /** Whether reading failed because the caller may not read the owner's logs. */
    static boolean accessDenied(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AccessControlException || t instanceof java.nio.file.AccessDeniedException) {
                return true;
            }
        }
        return false;
    }
}
