package dev.spindle.runtime.rest;

/** A request that cannot be served, with the HTTP status and message to answer with. */
final class RestError extends Exception {
    private static final long serialVersionUID = 1L;
    final int status;

    RestError(int status, String message) {
        super(message);
        this.status = status;
    }
}
