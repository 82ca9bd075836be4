package dev.spindle.api.execution;

/**
 * Makes the executor of a program that runs outside any cluster (plain {@code java -cp ...}, an IDE,
 * a test). The runtime provides one through {@code META-INF/services}; the API finds it with
 * {@link java.util.ServiceLoader}, so that it needs no compile-time dependency on the runtime.
 */
public interface PipelineExecutorFactory {

    /** A fresh executor for one environment. */
    PipelineExecutor createExecutor();
}
