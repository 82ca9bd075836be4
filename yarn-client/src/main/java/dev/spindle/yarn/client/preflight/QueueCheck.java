package dev.spindle.yarn.client.preflight;

import java.io.IOException;
import java.util.List;
import java.util.TreeSet;

import org.apache.hadoop.yarn.api.records.QueueInfo;
import org.apache.hadoop.yarn.api.records.QueueState;
import org.apache.hadoop.yarn.exceptions.YarnException;

import dev.spindle.configuration.YarnConfigOptions;

/** The queue ({@code yarn.application.queue}, else {@code default}) exists, is a leaf and is RUNNING. */
final class QueueCheck implements PreflightCheck {

    static final String DEFAULT_QUEUE = "default";

    @Override
    public void check(PreflightContext context) throws PreflightException {
        String queue = context.configuration().getOptional(YarnConfigOptions.APPLICATION_QUEUE).orElse(DEFAULT_QUEUE);
        QueueInfo info;
        try {
            info = context.yarnClient().getQueueInfo(queue);
        } catch (YarnException | IOException e) {
            // The CapacityScheduler answers an unknown queue with an exception, others with null.
            info = null;
        }
        if (info == null) {
            throw new PreflightException("The queue '" + queue + "' (" + YarnConfigOptions.APPLICATION_QUEUE.key()
                    + ") does not exist. Queues of this cluster: " + existingQueues(context)
                    + ". Pick one with -D" + YarnConfigOptions.APPLICATION_QUEUE.key() + "=<queue>.");
        }
        if (info.getQueueState() == QueueState.STOPPED || info.getQueueState() == QueueState.DRAINING) {
            throw new PreflightException("The queue '" + queue + "' is " + info.getQueueState()
                    + " and accepts no applications. Running queues: " + existingQueues(context)
                    + ". Pick one with -D" + YarnConfigOptions.APPLICATION_QUEUE.key() + "=<queue>.");
        }
        List<QueueInfo> children = info.getChildQueues();
        if (children != null && !children.isEmpty()) {
            throw new PreflightException("The queue '" + queue + "' is a parent queue; applications go to leaf queues: "
                    + existingQueues(context) + ".");
        }
    }

    /** Leaf queues that are RUNNING, with their state when not. */
    private static String existingQueues(PreflightContext context) {
        try {
            TreeSet<String> names = new TreeSet<>();
            for (QueueInfo q : context.yarnClient().getAllQueues()) {
                if (q.getChildQueues() == null || q.getChildQueues().isEmpty()) {
                    names.add(q.getQueueName() + (q.getQueueState() == QueueState.RUNNING ? "" : " (" + q.getQueueState() + ")"));
                }
            }
            return names.isEmpty() ? "(none reported)" : String.join(", ", names);
        } catch (YarnException | IOException e) {
            return "(could not list them: " + e.getMessage() + ")";
        }
    }
}
