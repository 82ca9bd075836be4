package dev.spindle.yarn.client.api;

/** A deployment that could not be done or did not come up; the message is meant for the user. */
public class DeploymentException extends SpindleClientException {

    private static final long serialVersionUID = 1L;

    public DeploymentException(String message) {
        super(message);
    }

    public DeploymentException(String message, Throwable cause) {
        super(message, cause);
    }
}
