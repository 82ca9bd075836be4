package dev.spindle.api;

/** What a file sink does when its output already holds data. */
public enum WriteMode {
    /** Fail with an error naming the existing output. */
    NO_OVERWRITE,
    /** Replace the existing output. */
    OVERWRITE
}
