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

    /**
     * {@code Class: message} of the innermost cause: for a failure from another process, the last
     * "Caused by:" of its trace (the chain itself did not travel), else the end of the cause chain.
     */
    public static String describeRootCause(Throwable t) {
        if (t instanceof RemoteFailure rf) {
            String root = rf.getMessage();
            String trace = rf.getRemoteStackTrace();
            if (trace != null) {
                for (String line : trace.split("\n")) {
                    String l = line.strip();
                    if (l.startsWith("Caused by: ")) {
                        root = l.substring("Caused by: ".length());
                    }
                }
            }
            return root;
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? describe(t) : describeRootCause(root);
    }

    /** {@code Class: message} of a failure, as shown to users. */
    public static String describe(Throwable t) {
        if (t instanceof RemoteFailure rf) {
            return rf.getMessage();
        }
        return t.getClass().getName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
