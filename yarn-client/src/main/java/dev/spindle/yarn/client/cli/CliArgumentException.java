package dev.spindle.yarn.client.cli;

/** A command line that cannot be understood; the message says what is wrong and is printed as is. */
public class CliArgumentException extends Exception {

    private static final long serialVersionUID = 1L;

    public CliArgumentException(String message) {
        super(message);
    }
}
