package dev.spindle.yarn.client.api;

/** A client call that could not be done; the message is meant for the user and says what to do. */
public class SpindleClientException extends Exception {

    private static final long serialVersionUID = 1L;

    public SpindleClientException(String message) {
        super(message);
    }

    public SpindleClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
