package dev.spindle.yarn.am;

/** Main class of the ApplicationMaster in application mode ({@code spindle run-application}). */
public final class ApplicationModeEntrypoint {

    private ApplicationModeEntrypoint() {
    }

    public static void main(String[] args) {
        int exitCode;
        try {
            exitCode = new YarnAppMasterRunner(new ApplicationMode(System.getenv())).run();
        } catch (Throwable t) {
            t.printStackTrace();
            exitCode = 1;
        }
        // Explicitly: Hadoop client threads are non-daemon and would keep the AM alive.
        System.exit(exitCode);
    }
}
