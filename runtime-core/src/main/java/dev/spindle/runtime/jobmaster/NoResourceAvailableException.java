package dev.spindle.runtime.jobmaster;

/** A job did not get the slots it needs in time. */
public final class NoResourceAvailableException extends Exception {

    private static final long serialVersionUID = 1L;

    public NoResourceAvailableException(String message) {
        super(message);
    }
}
