package dev.spindle.runtime.rpc;

import dev.spindle.runtime.rpc.proto.FailureInfo;
import java.io.PrintWriter;
import java.io.StringWriter;

/** Turns exceptions into {@link FailureInfo} and back, keeping the root cause's class, message and trace. */
public final class Failures {

    private Failures() {
    }

    public static FailureInfo toInfo(Throwable t) {
        if (t instanceof RemoteFailure rf) {
            return rf.toInfo();
        }
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return FailureInfo.newBuilder()
                .setClassName(t.getClass().getName())
                .setMessage(t.getMessage() == null ? "" : t.getMessage())
                .setStackTrace(sw.toString())
                .build();
    }

    public static RemoteFailure fromInfo(FailureInfo info) {
        return new RemoteFailure(info.getClassName(), info.getMessage(), info.getStackTrace());
    }

    public static String stackTraceOf(Throwable t) {
        if (t instanceof RemoteFailure rf) {
            return rf.getRemoteStackTrace();
        }
        StringWriter sw = new StringWriter();
        t.printStackTrace(new PrintWriter(sw));
        return sw.toString();
    }

    /** {@code Class: message} of a failure, as shown to users. */
    public static String describe(Throwable t) {
        if (t instanceof RemoteFailure rf) {
            return rf.getMessage();
        }
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
