package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;

/** Which cluster an action talks to: {@code -t} and {@code -id/-yid}; either may be absent. */
public record ClusterTarget(String target, String applicationId) {

    /** Key the {@code -id} flag sets (the YARN options class owns its full definition). */
    public static final String APPLICATION_ID_KEY = "yarn.application.id";

    void applyTo(Configuration configuration) {
        if (target != null) {
            configuration.set(DeploymentOptions.TARGET, target);
        }
        if (applicationId != null) {
            configuration.setString(APPLICATION_ID_KEY, applicationId);
        }
    }
}
