package dev.spindle.yarn.am;

import dev.spindle.yarn.common.EntrypointMode;

/** Main class of the ApplicationMaster of a session ({@code yarn-session.sh}). */
public final class SessionModeEntrypoint {

    private SessionModeEntrypoint() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = new YarnAppMasterRunner(EntrypointMode.SESSION, spec -> new SessionMode()).run();
        } catch (Throwable t) {
            t.printStackTrace();
            exitCode = 1;
        }
        // Explicitly: Hadoop client threads are non-daemon and would keep the AM alive.
        System.exit(exitCode);
    }
}
