package dev.spindle.yarn.common;

/**
 * What the ApplicationMaster runs: one main class per mode. The client names the mode in the
 * launch spec and starts the mode's main class; the AM checks that both agree.
 */
public enum EntrypointMode {
    /** {@code spindle run-application}: the user program's main() runs in the AM. */
    APPLICATION("dev.spindle.yarn.am.ApplicationModeEntrypoint"),
    /** {@code spindle run -t yarn-per-job}: the AM runs the job graph the client built. */
    PER_JOB("dev.spindle.yarn.am.PerJobModeEntrypoint"),
    /** {@code yarn-session.sh}: the AM takes jobs over REST until it is stopped. */
    SESSION("dev.spindle.yarn.am.SessionModeEntrypoint");

    private final String mainClass;

    EntrypointMode(String mainClass) {
        this.mainClass = mainClass;
    }

    /** The AM's main class (a name: the client does not have the AM's classes). */
    public String mainClass() {
        return mainClass;
    }

    public static EntrypointMode ofMainClass(String mainClass) {
        for (EntrypointMode mode : values()) {
            if (mode.mainClass.equals(mainClass)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + mainClass + "' is no ApplicationMaster entrypoint; expected one of "
                + java.util.Arrays.stream(values()).map(EntrypointMode::mainClass).toList());
    }
}
