package dev.spindle.yarn.client.api;

/** The target cannot do this (yet): savepoint and stop are not built, and a local target has no cluster. */
public class OperationNotSupportedException extends SpindleClientException {

    private static final long serialVersionUID = 1L;

    /** Said of operations whose back end is not written yet. */
    public static final String NOT_YET = "this action is not available yet in this build of Spindle.";

    public OperationNotSupportedException(String message) {
        super(message);
    }
}
