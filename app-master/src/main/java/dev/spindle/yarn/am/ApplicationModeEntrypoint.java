package dev.spindle.yarn.am;

import dev.spindle.yarn.common.EntrypointMode;

/** Main class of the ApplicationMaster in application mode ({@code spindle run-application}). */
public final class ApplicationModeEntrypoint {

    private ApplicationModeEntrypoint() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = new YarnAppMasterRunner(EntrypointMode.APPLICATION, ApplicationMode::of).run();
        } catch (Throwable t) {
            t.printStackTrace();
            exitCode = 1;
        }
        // Explicitly: Hadoop client threads are non-daemon and would keep the AM alive.
        System.exit(exitCode);
    }
}
