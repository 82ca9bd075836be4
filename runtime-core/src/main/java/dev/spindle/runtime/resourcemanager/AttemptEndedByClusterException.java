package dev.spindle.runtime.resourcemanager;

/**
 * The cluster (YARN: the ResourceManager's shutdown request) ended this ApplicationMaster attempt
 * on its own: the attempt can no longer unregister, and whether the application goes on with
 * another attempt is the cluster's decision.
 */
public final class AttemptEndedByClusterException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public AttemptEndedByClusterException(String message) {
        super(message);
    }
}
