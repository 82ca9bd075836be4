package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.CoreOptions;
import dev.spindle.configuration.DeploymentOptions;
import java.io.File;
import java.util.List;

/** {@code run} and {@code run-application}: a program jar, its entry class and arguments, and how to deploy it. */
public record RunAction(String action, ClusterTarget cluster, String entryClass, Integer parallelism, boolean detached,
        String savepointPath, boolean allowNonRestoredState, File jarFile, List<String> programArgs,
        List<String> dynamicProperties) implements ParsedAction {

    @Override
    public void applyTo(Configuration configuration) {
        cluster.applyTo(configuration);
        if (parallelism != null) {
            configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        }
        if (detached) {
            configuration.set(DeploymentOptions.ATTACHED, false);
        }
        if (savepointPath != null) {
            configuration.set(DeploymentOptions.SAVEPOINT_PATH, savepointPath);
        }
        if (allowNonRestoredState) {
            configuration.set(DeploymentOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
        }
    }
}
