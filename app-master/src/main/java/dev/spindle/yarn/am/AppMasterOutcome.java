package dev.spindle.yarn.am;

import dev.spindle.runtime.resourcemanager.ApplicationStatus;

/** How the AM's work ended and the diagnostics text YARN shows for it. */
public record AppMasterOutcome(ApplicationStatus status, String diagnostics) {

    public static AppMasterOutcome succeeded(String diagnostics) {
        return new AppMasterOutcome(ApplicationStatus.SUCCEEDED, diagnostics);
    }

    public static AppMasterOutcome failed(String diagnostics) {
        return new AppMasterOutcome(ApplicationStatus.FAILED, diagnostics);
    }

    /** {@code Class: message} of the deepest cause, what users need to see first. */
    public static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
