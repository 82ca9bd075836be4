package dev.spindle.yarn.client.api;

/** The program's main() failed where it ran on the client; the cause is the program's own exception. */
public class ProgramFailedException extends SpindleClientException {

    private static final long serialVersionUID = 1L;

    public ProgramFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
