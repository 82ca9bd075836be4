package dev.spindle.yarn.client.deployment;

import org.apache.hadoop.yarn.api.records.QueueInfo;
import org.apache.hadoop.yarn.api.records.QueueStatistics;
import org.apache.hadoop.yarn.client.api.YarnClient;

/** The free resources of a queue in words, for the lines a user reads while an application waits. */
public final class QueueResources {

    private QueueResources() {
    }

    /** E.g. "queue default has 1024 MB and 6 vcores free, 1 application pending"; empty when YARN cannot say. */
    public static String describe(YarnClient yarn, String queue) {
        if (queue == null || queue.isBlank()) {
            return "";
        }
        try {
            QueueInfo info = yarn.getQueueInfo(queue);
            QueueStatistics stats = info == null ? null : info.getQueueStatistics();
            if (stats == null) {
                return "";
            }
            return "queue " + queue + " has " + stats.getAvailableMemoryMB() + " MB and " + stats.getAvailableVCores()
                    + " vcores free, " + stats.getNumAppsPending() + " application(s) pending";
        } catch (Exception e) {
            // Only a hint in a progress line: the report itself is what decides.
            return "";
        }
    }
}
