package dev.spindle.yarn.am;

import java.nio.file.Path;

import dev.spindle.yarn.common.ContainerLayout;
import dev.spindle.yarn.common.EntrypointMode;

/** Main class of the ApplicationMaster in per-job mode ({@code spindle run -t yarn-per-job}). */
public final class PerJobModeEntrypoint {

    private PerJobModeEntrypoint() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            // The spec names the graph the client shipped; YARN links it into the working dir. A spec
            // naming none still looks for the usual name, so that PerJobMode reports it missing.
            exitCode = new YarnAppMasterRunner(EntrypointMode.PER_JOB, spec -> new PerJobMode(Path.of(
                    spec.jobGraph() != null ? spec.jobGraph() : ContainerLayout.JOB_GRAPH_FILE).toAbsolutePath())).run();
        } catch (Throwable t) {
            t.printStackTrace();
            exitCode = 1;
        }
        // Explicitly: Hadoop client threads are non-daemon and would keep the AM alive.
        System.exit(exitCode);
    }
}
