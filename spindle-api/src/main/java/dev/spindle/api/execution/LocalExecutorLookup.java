package dev.spindle.api.execution;

import java.util.Iterator;
import java.util.ServiceLoader;

/** Finds the runtime's {@link PipelineExecutorFactory} for programs started outside any cluster. */
public final class LocalExecutorLookup {

    /** The artifact that provides the local executor; named in the error when it is missing. */
    public static final String RUNTIME_ARTIFACT = "dev.spindle:spindle-runtime-core";

    private LocalExecutorLookup() {
    }

    /** A new executor from the first factory on the classpath; fails naming the artifact to add when there is none. */
    public static PipelineExecutor createExecutor() {
        Iterator<PipelineExecutorFactory> factories =
                ServiceLoader.load(PipelineExecutorFactory.class, PipelineExecutorFactory.class.getClassLoader()).iterator();
        if (!factories.hasNext()) {
            throw new IllegalStateException("No Spindle runtime found to run this program outside a cluster: "
                    + "StreamEnvironment.getEnvironment() runs it on a local MiniCluster, which needs " + RUNTIME_ARTIFACT
                    + " on the classpath (add it as a runtime or test dependency), or submit the program to a cluster "
                    + "with bin/spindle run");
        }
        return factories.next().createExecutor();
    }
}
