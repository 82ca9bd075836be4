package dev.spindle.yarn.client.api;

/**
 * Hears what a client is doing while a call runs (deployment steps, YARN state changes, job state
 * changes), so that a user waiting for it sees progress. The CLI prints these lines.
 */
public interface ProgressListener {

    /** A listener that drops everything, for callers that only want the returned values. */
    ProgressListener SILENT = line -> { };

    /** One line of progress, e.g. "Application application_1_0001 is ACCEPTED in queue default". */
    void progress(String line);

    /** A remark on how the call is done that is not progress (e.g. a flag without effect); default: as progress. */
    default void notice(String line) {
        progress(line);
    }
}
