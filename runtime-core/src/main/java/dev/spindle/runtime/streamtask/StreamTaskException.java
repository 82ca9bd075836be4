package dev.spindle.runtime.streamtask;

/** A subtask failed; the cause is the original failure (often the user function's exception). */
public final class StreamTaskException extends Exception {

    private static final long serialVersionUID = 1L;

    public StreamTaskException(String message, Throwable cause) {
        super(message, cause);
    }
}
