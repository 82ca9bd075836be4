package dev.spindle.yarn.am;

import org.apache.hadoop.yarn.api.records.ContainerId;

/** Whether the running ApplicationMaster attempt is the last YARN makes for its application. */
final class FinalAttempt {

    private FinalAttempt() {
    }

    /**
     * @param containerId the AM's own container id (names its attempt); unknown counts as final,
     *        since nothing could then tell a later attempt apart anyway
     * @param maxAttempts the attempts YARN makes (the smaller of the application's and the RM's cap)
     */
    static boolean isFinal(String containerId, int maxAttempts) {
        if (containerId == null) {
            return true;
        }
        try {
            return ContainerId.fromString(containerId).getApplicationAttemptId().getAttemptId() >= maxAttempts;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }
}
