package dev.spindle.runtime.resourcemanager;

/** How the whole application (AM) ended, as told to the cluster. */
public enum ApplicationStatus {
    SUCCEEDED,
    FAILED,
    KILLED,
    UNKNOWN
}
