package dev.spindle.runtime.streamtask;

/** A subtask could not be set up (e.g. its operator chain does not deserialize); the cause is the original failure. */
public final class StreamTaskException extends Exception {

    private static final long serialVersionUID = 1L;

    public StreamTaskException(String message, Throwable cause) {
        super(message, cause);
    }
}
