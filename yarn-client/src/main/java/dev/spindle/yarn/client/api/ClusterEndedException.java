package dev.spindle.yarn.client.api;

/** The call needs a running cluster, but the application has ended; its final status is attached. */
public class ClusterEndedException extends ApplicationStateException {

    private static final long serialVersionUID = 1L;

    public ClusterEndedException(String message, ApplicationStatus application) {
        super(message, application);
    }
}
