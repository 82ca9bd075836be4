package dev.spindle.configuration;

/** A configuration value that is missing, ill-typed or inconsistent; the message names the key. */
public class IllegalConfigurationException extends RuntimeException {

    /** A wrong setting; {@code message} names the key. */
    public IllegalConfigurationException(String message) {
        super(message);
    }

    /** A wrong setting; {@code message} names the key. */
    public IllegalConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
