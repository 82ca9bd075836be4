package dev.spindle.yarn.client.api;

/** The call needs a running cluster, but the application has ended; its final status is attached. */
public class ClusterEndedException extends SpindleClientException {

    private static final long serialVersionUID = 1L;

    private final ApplicationStatus application;

    public ClusterEndedException(String message, ApplicationStatus application) {
        super(message);
        this.application = application;
    }

    /** The ended application as YARN's final report gives it. */
    public ApplicationStatus application() {
        return application;
    }
}
