package dev.spindle.runtime.program;

/** A user program that could not be loaded or whose main() failed; the message is meant for the user. */
public class ProgramInvocationException extends Exception {

    private static final long serialVersionUID = 1L;

    public ProgramInvocationException(String message) {
        super(message);
    }

    public ProgramInvocationException(String message, Throwable cause) {
        super(message, cause);
    }
}
