package dev.spindle.yarn.client.cluster;

/** The innermost cause of an exception, which is usually what the user can act on. */
public final class RootCause {

    private RootCause() {
    }

    /** The innermost cause; {@code t} itself when it has none. */
    public static Throwable of(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** " (Type: message)" of the root cause, or "" when {@code t} has no cause: to append to t's message. */
    public static String suffix(Throwable t) {
        Throwable root = of(t);
        return root == t ? "" : " (" + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }

    /** t's message, followed by the root cause in full when there is one. */
    public static String message(Throwable t) {
        Throwable root = of(t);
        return root == t ? String.valueOf(t.getMessage()) : t.getMessage() + " (" + root + ")";
    }
}
