package dev.spindle.yarn.am;

import java.nio.file.Path;

import dev.spindle.runtime.jobgraph.JobGraphFile;

/** Main class of the ApplicationMaster in per-job mode ({@code spindle run -t yarn-per-job}). */
public final class PerJobModeEntrypoint {

    private PerJobModeEntrypoint() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            // The client ships the graph at the staging dir's root; YARN links it into the working dir.
            exitCode = new YarnAppMasterRunner(new PerJobMode(Path.of(JobGraphFile.FILE_NAME).toAbsolutePath())).run();
        } catch (Throwable t) {
            t.printStackTrace();
            exitCode = 1;
        }
        // Explicitly: Hadoop client threads are non-daemon and would keep the AM alive.
        System.exit(exitCode);
    }
}
