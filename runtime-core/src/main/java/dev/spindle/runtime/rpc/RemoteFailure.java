package dev.spindle.runtime.rpc;

import dev.spindle.runtime.rpc.proto.FailureInfo;

/**
 * A failure that happened in another process (or in user code whose classes this side may not
 * have): its message is the original {@code Class: message} and it keeps the original trace text.
 */
public final class RemoteFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String remoteClassName;
    private final String remoteMessage;
    private final String remoteStackTrace;

    public RemoteFailure(String remoteClassName, String remoteMessage, String remoteStackTrace) {
        super(remoteClassName + (remoteMessage == null || remoteMessage.isEmpty() ? "" : ": " + remoteMessage));
        this.remoteClassName = remoteClassName;
        this.remoteMessage = remoteMessage;
        this.remoteStackTrace = remoteStackTrace;
    }

    public String getRemoteClassName() {
        return remoteClassName;
    }

    public String getRemoteMessage() {
        return remoteMessage;
    }

    public String getRemoteStackTrace() {
        return remoteStackTrace;
    }

    FailureInfo toInfo() {
        return FailureInfo.newBuilder().setClassName(remoteClassName).setMessage(remoteMessage == null ? "" : remoteMessage)
                .setStackTrace(remoteStackTrace == null ? "" : remoteStackTrace).build();
    }

    @Override
    public String toString() {
        return getMessage();
    }
}
