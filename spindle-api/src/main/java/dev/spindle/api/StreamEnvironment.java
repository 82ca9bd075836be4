package dev.spindle.api;

import dev.spindle.api.dag.Pipeline;
import dev.spindle.api.dag.SourceDescription;
import dev.spindle.api.dag.SourceTransformation;
import dev.spindle.api.dag.Transformation;
import dev.spindle.api.execution.ExecutionContext;
import dev.spindle.api.execution.LocalExecutorLookup;
import dev.spindle.api.execution.PipelineExecutor;
import dev.spindle.api.functions.GeneratorFunction;
import dev.spindle.api.functions.SourceFunction;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.CoreOptions;
import dev.spindle.configuration.ExecutionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;

/**
 * Where a job's {@code main()} builds its program and runs it. {@link #getEnvironment()} binds to
 * the cluster the program was started on (application, per-job, session) or, outside any
 * cluster, to a local in-process MiniCluster.
 */
public final class StreamEnvironment {

    private final PipelineExecutor executor;
    private final Configuration configuration;
    private final ClassLoader userClassLoader;
    private final List<Transformation<?>> transformations = new ArrayList<>();
    private int nextId;

    /** An environment submitting to {@code executor}; {@code userClassLoader} null means the thread's context classloader. */
    public StreamEnvironment(PipelineExecutor executor, Configuration configuration, ClassLoader userClassLoader) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.configuration = new Configuration(configuration);
        this.userClassLoader = userClassLoader;
    }

    /** The environment of the context this program runs in, or a local MiniCluster one (needs the runtime on the classpath). */
    public static StreamEnvironment getEnvironment() {
        ExecutionContext context = ExecutionContext.current();
        if (context != null) {
            return new StreamEnvironment(context.executor(), context.configuration(), context.userClassLoader());
        }
        return new StreamEnvironment(LocalExecutorLookup.createExecutor(), new Configuration(), null);
    }

    // ---- settings ------------------------------------------------------------------------------

    /** Default parallelism of sources and operators that set none. */
    public StreamEnvironment setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        return this;
    }

    /** The default parallelism ({@code parallelism.default}). */
    public int getParallelism() {
        return configuration.get(CoreOptions.DEFAULT_PARALLELISM);
    }

    /** STREAMING, BATCH or AUTOMATIC ({@code execution.runtime-mode}). */
    public StreamEnvironment setRuntimeMode(RuntimeMode mode) {
        configuration.set(ExecutionOptions.RUNTIME_MODE, Objects.requireNonNull(mode));
        return this;
    }

    /** The configured runtime mode (AUTOMATIC is resolved when the graph is built). */
    public RuntimeMode getRuntimeMode() {
        return configuration.get(ExecutionOptions.RUNTIME_MODE);
    }

    /** What the job master does on a task failure; see {@link RestartStrategies}. */
    public StreamEnvironment setRestartStrategy(RestartStrategies.RestartStrategyConfiguration strategy) {
        Objects.requireNonNull(strategy, "restart strategy").applyTo(configuration);
        return this;
    }

    /** Longest time records wait in a partly filled output buffer (lower: less latency, more overhead). */
    public StreamEnvironment setBufferTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("buffer timeout must not be negative, was " + timeout);
        }
        configuration.set(ExecutionOptions.BUFFER_TIMEOUT, timeout);
        return this;
    }

    /** Checkpoints every {@code intervalMillis} (EXACTLY_ONCE unless set otherwise); see {@link #getCheckpointConfig()}. */
    public StreamEnvironment enableCheckpointing(long intervalMillis) {
        getCheckpointConfig().setCheckpointInterval(intervalMillis);
        return this;
    }

    /** Checkpoints every {@code intervalMillis} with the given mode. */
    public StreamEnvironment enableCheckpointing(long intervalMillis, CheckpointingMode mode) {
        enableCheckpointing(intervalMillis);
        getCheckpointConfig().setCheckpointingMode(mode);
        return this;
    }

    /** The checkpoint settings; they live in (and are shipped with) the job's configuration. */
    public CheckpointConfig getCheckpointConfig() {
        return new CheckpointConfig(configuration);
    }

    /** Copies every setting of {@code settings} into the job's configuration (later settings win). */
    public StreamEnvironment configure(Configuration settings) {
        configuration.addAll(Objects.requireNonNull(settings, "settings"));
        return this;
    }

    /** The job's configuration: shipped with the job, readable in functions via {@code getRuntimeContext().getJobConfiguration()}. */
    public Configuration getConfig() {
        return configuration;
    }

    // ---- sources -------------------------------------------------------------------------------

    /** The lines of a file, or of all non-hidden files of a directory, on any Hadoop FileSystem; read in parallel. */
    public DataStream<String> readTextFile(String path) {
        return source("Text File " + path, new SourceDescription.TextFile(path), true, 0);
    }

    /** Lines from a TCP socket, until the other side closes it (parallelism 1). */
    public DataStream<String> socketTextStream(String host, int port) {
        return source("Socket Stream " + host + ":" + port, new SourceDescription.Socket(host, port), false, 1);
    }

    /** The numbers {@code from..to} (inclusive), read in parallel. */
    public DataStream<Long> fromSequence(long from, long to) {
        return source("Sequence " + from + ".." + to, new SourceDescription.Sequence(from, to), true, 0);
    }

    /** {@code generator(i)} for {@code i} in {@code 0..count-1}, in parallel. */
    public <T> DataStream<T> fromGenerator(long count, GeneratorFunction<T> generator) {
        if (count < 0) {
            throw new IllegalArgumentException("fromGenerator: count must be 0 or more, was " + count
                    + "; use fromGenerator(generator) for an unbounded stream");
        }
        return source("Generator", new SourceDescription.Generator<>(count, generator), true, 0);
    }

    /** {@code generator(i)} for {@code i = 0, 1, 2, ...} until the job is canceled. */
    public <T> DataStream<T> fromGenerator(GeneratorFunction<T> generator) {
        return source("Generator", new SourceDescription.Generator<>(-1, generator), false, 0);
    }

    /** The given elements (shipped with the job; parallelism 1). */
    @SafeVarargs
    public final <T> DataStream<T> fromElements(T... elements) {
        return fromCollection(Arrays.asList(elements));
    }

    /** The elements of a collection (captured now, shipped with the job; parallelism 1). */
    public <T> DataStream<T> fromCollection(Collection<T> elements) {
        return source("Collection", SourceDescription.Elements.of(elements), true, 1);
    }

    /** A user source; bounded if {@link SourceFunction#isBounded()} says so. Parallelism 1 unless set. */
    public <T> DataStream<T> addSource(SourceFunction<T> source) {
        return addSource(source, "Custom Source");
    }

    /** Like {@link #addSource(SourceFunction)}, with a name for the job graph. */
    public <T> DataStream<T> addSource(SourceFunction<T> source, String name) {
        DataStream<T> stream = source(name, new SourceDescription.UserFunction<>(source), source.isBounded(), 0);
        stream.setParallelism(1);
        return stream;
    }

    private <T> DataStream<T> source(String name, SourceDescription<T> description, boolean bounded, int maxParallelism) {
        SourceTransformation<T> t = new SourceTransformation<>(nextId(), name, description, bounded, maxParallelism);
        register(t);
        return new DataStream<>(this, t);
    }

    /** Where {@link #execute} submits to (tests check the binding). */
    PipelineExecutor executor() {
        return executor;
    }

    int nextId() {
        return nextId++;
    }

    void register(Transformation<?> transformation) {
        transformations.add(transformation);
    }

    // ---- execution -----------------------------------------------------------------------------

    /**
     * The job {@link #execute} would submit, without running it: what the program built so far,
     * named {@code jobName}. The runtime's translator turns it into a job graph (per-job mode ships that).
     */
    public Pipeline getPipeline(String jobName) {
        return new Pipeline(jobName, transformations);
    }

    /** Runs the program and waits for its end; a failure throws {@link JobExecutionException} with the root cause. */
    public JobExecutionResult execute(String jobName) throws Exception {
        JobClient client = executeAsync(jobName);
        try {
            return client.getJobExecutionResult().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof JobExecutionException jobFailure) {
                throw jobFailure;
            }
            throw new JobExecutionException(client.getJobId(), JobStatus.FAILED, "Job '" + jobName + "' failed: " + cause, cause);
        }
    }

    /** {@link #execute(String)} with a default job name. */
    public JobExecutionResult execute() throws Exception {
        return execute("Spindle Streaming Job");
    }

    /** Submits the program and returns at once with a handle to watch or cancel the job. */
    public JobClient executeAsync(String jobName) throws Exception {
        Pipeline pipeline = getPipeline(jobName);
        ClassLoader classLoader = userClassLoader != null ? userClassLoader : Thread.currentThread().getContextClassLoader();
        // The executor translates the pipeline and checks its outputs before anything runs.
        JobClient client = executor.execute(pipeline, configuration, classLoader);
        // The program may build and run another job with this environment.
        transformations.clear();
        return client;
    }

    /** {@link #executeAsync(String)} with a default job name. */
    public JobClient executeAsync() throws Exception {
        return executeAsync("Spindle Streaming Job");
    }
}
