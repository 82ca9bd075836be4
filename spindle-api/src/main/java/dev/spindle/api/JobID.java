package dev.spindle.api;

/** Identifies one job (submission) across client, dispatcher, job master and task executors. */
public final class JobID extends AbstractId {

    private static final long serialVersionUID = 1L;

    /** A new random job id. */
    public JobID() {
        super();
    }

    private JobID(String hex) {
        super(hex);
    }

    /** Parses the 32-hex-character form a user sees in {@code list} and logs. */
    public static JobID fromHexString(String hex) {
        return new JobID(hex);
    }
}
