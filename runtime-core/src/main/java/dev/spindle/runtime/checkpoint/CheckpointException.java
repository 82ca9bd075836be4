package dev.spindle.runtime.checkpoint;

/** A checkpoint or savepoint that did not complete, with why. */
public class CheckpointException extends Exception {

    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
