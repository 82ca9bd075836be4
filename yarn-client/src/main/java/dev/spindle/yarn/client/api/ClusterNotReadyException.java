package dev.spindle.yarn.client.api;

/** The application runs (or waits) but its ApplicationMaster does not answer yet; try again shortly. */
public class ClusterNotReadyException extends ApplicationStateException {

    private static final long serialVersionUID = 1L;

    public ClusterNotReadyException(ApplicationStatus application) {
        super("The ApplicationMaster of " + application.applicationId() + " does not answer yet ("
                + application.state() + "); try again in a few seconds.", application);
    }
}
