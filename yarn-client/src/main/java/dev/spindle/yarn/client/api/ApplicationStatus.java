package dev.spindle.yarn.client.api;

/**
 * A YARN application as its report gives it.
 *
 * @param state YARN's state (NEW ... RUNNING, FINISHED, FAILED, KILLED)
 * @param finalStatus UNDEFINED while it runs, then SUCCEEDED, FAILED or KILLED
 * @param diagnostics YARN's diagnostics, trimmed; empty when it gave none
 * @param trackingUrl the web UI through the RM proxy; null when YARN gives none
 */
public record ApplicationStatus(String applicationId, String name, String state, String finalStatus, String diagnostics,
        String trackingUrl, boolean ended) {

    /** Whether the application ended and its final status is SUCCEEDED. */
    public boolean succeeded() {
        return ended && "SUCCEEDED".equals(finalStatus);
    }
}
