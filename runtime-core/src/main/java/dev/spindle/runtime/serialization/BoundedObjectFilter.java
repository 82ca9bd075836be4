package dev.spindle.runtime.serialization;

import java.io.ObjectInputFilter;
import java.util.Set;

/**
 * The one filter for Java deserialization of input that did not come from this process (job
 * graphs from REST and {@code job.graph}, accumulators from TaskExecutors): only the framework's
 * data classes and plain JDK value classes, and size limits, so a crafted stream can neither
 * instantiate an arbitrary class nor make a small body allocate a huge array.
 *
 * <p>One instance per stream: it remembers why it refused, for the error message.
 */
public final class BoundedObjectFilter implements ObjectInputFilter {

    /** Deeper than any job graph or accumulator gets; deep nesting is only good for stack exhaustion. */
    static final long MAX_DEPTH = 50;
    static final long MAX_REFERENCES = 1_000_000;

    /** JDK packages whose value classes may appear; exact packages, so java.lang.invoke (lambdas) is not among them. */
    private static final Set<String> JDK_PACKAGES = Set.of("java.lang", "java.util", "java.time");
    private static final Set<String> JDK_CLASSES = Set.of("java.net.URI");
    /** Framework packages of job graphs, their configuration, and built-in accumulators. */
    private static final Set<String> FRAMEWORK_PACKAGES = Set.of("dev.spindle.runtime.jobgraph", "dev.spindle.configuration",
            "dev.spindle.api.accumulators");
    private static final Set<String> FRAMEWORK_CLASSES = Set.of("dev.spindle.api.JobID", "dev.spindle.api.AbstractId");

    private final long streamBytes;
    private volatile String refusal;

    /**
     * @param streamBytes the size of the serialized input: no array can have more elements than
     *     the stream has bytes (every element takes at least one), and the stream cannot be longer
     */
    public BoundedObjectFilter(long streamBytes) {
        this.streamBytes = streamBytes;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.arrayLength() > streamBytes) {
            return refuse("an array of " + info.arrayLength() + " elements" + of(info.serialClass()) + " in a stream of only "
                    + streamBytes + " bytes");
        }
        if (info.depth() > MAX_DEPTH) {
            return refuse("objects nested " + info.depth() + " deep (limit " + MAX_DEPTH + ")");
        }
        if (info.references() > MAX_REFERENCES) {
            return refuse("more than " + MAX_REFERENCES + " objects");
        }
        if (info.streamBytes() > streamBytes) {
            return refuse("a stream longer than its " + streamBytes + " bytes");
        }
        Class<?> c = info.serialClass();
        if (c == null) {
            return Status.UNDECIDED;
        }
        while (c.isArray()) {
            c = c.getComponentType();
        }
        if (c.isPrimitive() || isAllowed(c)) {
            return Status.ALLOWED;
        }
        return refuse("class " + c.getName() + ", which may not be deserialized here");
    }

    static boolean isAllowed(Class<?> c) {
        String name = c.getName();
        String pkg = c.getPackageName();
        return JDK_PACKAGES.contains(pkg) || JDK_CLASSES.contains(name) || FRAMEWORK_PACKAGES.contains(pkg)
                || FRAMEWORK_CLASSES.contains(name);
    }

    private Status refuse(String what) {
        if (refusal == null) {
            refusal = what;
        }
        return Status.REJECTED;
    }

    private static String of(Class<?> c) {
        return c == null ? "" : " of " + (c.isArray() ? c.getComponentType().getName() : c.getName());
    }

    /** What was refused, or null if nothing was. */
    public String refusal() {
        return refusal;
    }
}
