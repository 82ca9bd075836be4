package dev.spindle.yarn.client.api;

/** A call that the application's state does not allow; carries the application as YARN reports it. */
public abstract class ApplicationStateException extends SpindleClientException {

    private static final long serialVersionUID = 1L;

    private final transient ApplicationStatus application;

    protected ApplicationStateException(String message, ApplicationStatus application) {
        super(message);
        this.application = application;
    }

    /** The application as YARN reported it when the call was refused. */
    public ApplicationStatus application() {
        return application;
    }
}
