package dev.spindle.runtime.streamtask;

import dev.spindle.configuration.ExecutionOptions;
import dev.spindle.runtime.io.ResultPartitionWriter;
import dev.spindle.runtime.operators.OperatorContext;
import dev.spindle.runtime.operators.Output;
import dev.spindle.runtime.operators.SourceOperator;
import dev.spindle.runtime.operators.StreamOperator;
import dev.spindle.runtime.serialization.JavaSerialization;
import dev.spindle.runtime.serialization.RecordSerializer;
import dev.spindle.runtime.task.TaskEnvironment;
import dev.spindle.runtime.task.TaskInvokable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the operator chain of one subtask: a source, or the records of all input gates, pushed
 * through the chained operators into the output edges. The chain comes Java-serialized in the
 * vertex's task configuration and is deserialized with the user-code classloader.
 */
public final class StreamTaskInvokable implements TaskInvokable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamTaskInvokable.class);

    private volatile boolean canceled;
    private volatile SourceOperator<?> source;

    public StreamTaskInvokable() {
    }

    @Override
    public void invoke(TaskEnvironment env) throws Exception {
        String taskName = env.getVertex().getName() + " (" + (env.getSubtaskIndex() + 1) + "/" + env.getParallelism() + ")";
        StreamTaskConfig config;
        try {
            config = JavaSerialization.fromBytes(env.getVertex().getTaskConfiguration(), env.getUserCodeClassLoader());
        } catch (ClassNotFoundException e) {
            throw new StreamTaskException("Task " + taskName + " of job " + env.getJobId() + " cannot load user class "
                    + e.getMessage() + "; is it in the job jar?", e);
        }
        OperatorContext operatorContext = new OperatorContext(env, env.getVertex().getName(), config.batchMode());
        RecordSerializer serializer = new RecordSerializer(env.getUserCodeClassLoader());
        List<StreamOperator<?, ?>> operators = new ArrayList<>();
        List<RecordWriter> writers = new ArrayList<>();
        long bufferTimeout = env.getJobConfiguration().get(ExecutionOptions.BUFFER_TIMEOUT).toMillis();
        buildChain(config.head(), env, operatorContext, operators, writers, bufferTimeout == 0);

        OutputFlusher flusher = null;
        boolean succeeded = false;
        LOG.info("Task {} of job {} starting (attempt {}, {} mode, {} input gate(s), {} output edge(s))", taskName, env.getJobId(),
                env.getAttemptNumber(), config.batchMode() ? "BATCH" : "STREAMING", env.getInputGates().size(), writers.size());
        try {
            for (int i = operators.size() - 1; i >= 0; i--) {
                operators.get(i).open();
            }
            if (!writers.isEmpty() && bufferTimeout > 0) {
                flusher = new OutputFlusher(taskName, writers, bufferTimeout);
                flusher.start();
            }
            StreamOperator<?, ?> head = operators.get(0);
            if (head instanceof SourceOperator<?> s) {
                source = s;
                if (!canceled) {
                    s.run();
                }
            } else {
                @SuppressWarnings("unchecked")
                StreamOperator<Object, ?> typedHead = (StreamOperator<Object, ?>) head;
                new InputProcessor(env.getInputGates(), serializer, typedHead, env.getIOMetrics(), () -> canceled).run();
            }
            if (canceled) {
                throw new CancellationException("Task " + taskName + " was canceled");
            }
            for (StreamOperator<?, ?> operator : operators) {
                operator.endInput();
            }
            if (flusher != null) {
                flusher.stopAndJoin();
            }
            for (RecordWriter writer : writers) {
                writer.finish();
            }
            closeAll(operators, null);
            succeeded = true;
            LOG.info("Task {} of job {} finished: {} records in, {} records out", taskName, env.getJobId(),
                    env.getIOMetrics().getRecordsIn(), env.getIOMetrics().getRecordsOut());
        } catch (Throwable t) {
            if (canceled || t instanceof CancellationException) {
                Throwable cancel = t instanceof CancellationException ? t : new CancellationException("Task " + taskName + " was canceled");
                cleanUpAfterFailure(operators, writers, cancel);
                throw (Exception) cancel;
            }
            cleanUpAfterFailure(operators, writers, t);
            LOG.info("Task {} of job {} failed: {}", taskName, env.getJobId(), t.toString());
            // Rethrown as is: the runtime reports the thrown exception's class, message and trace to the
            // user, who should see their own function's exception there, not a wrapper around it.
            throw Sneaky.rethrow(t);
        } finally {
            if (flusher != null && !succeeded) {
                flusher.abort();
            }
            if (!succeeded && canceled) {
                LOG.info("Task {} of job {} canceled", taskName, env.getJobId());
            }
        }
    }

    private static void cleanUpAfterFailure(List<StreamOperator<?, ?>> operators, List<RecordWriter> writers, Throwable cause) {
        closeAll(operators, cause);
        for (RecordWriter writer : writers) {
            try {
                writer.release(cause);
            } catch (RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /** Closes every operator; with a primary failure, close failures are attached to it, else the first is thrown. */
    private static void closeAll(List<StreamOperator<?, ?>> operators, Throwable primary) {
        Exception first = null;
        for (StreamOperator<?, ?> operator : operators) {
            try {
                operator.close();
            } catch (Exception e) {
                if (primary != null) {
                    primary.addSuppressed(e);
                } else if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw Sneaky.rethrow(first);
        }
    }

    /** Sets up the operators of the chain in pre-order (an operator before those it feeds). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void buildChain(ChainedOperatorConfig node, TaskEnvironment env, OperatorContext ctx,
                                   List<StreamOperator<?, ?>> operators, List<RecordWriter> writers, boolean flushEveryRecord) {
        StreamOperator operator = node.getOperator();
        operators.add(operator);
        List<Output<Object>> outputs = new ArrayList<>();
        for (ChainedOperatorConfig.NetworkOutputConfig out : node.getNetworkOutputs()) {
            List<ResultPartitionWriter> partitionWriters = env.getOutputWriters();
            if (out.writerIndex() >= partitionWriters.size()) {
                throw new IllegalStateException("Task " + env.getVertex().getName() + " expects output edge " + out.writerIndex()
                        + " but the runtime gave it " + partitionWriters.size() + " output writers");
            }
            RecordWriter writer = new RecordWriter(partitionWriters.get(out.writerIndex()), out.partitioner(),
                    new RecordSerializer(env.getUserCodeClassLoader()), env.getSubtaskIndex(), flushEveryRecord);
            writers.add(writer);
            outputs.add(new RecordWriterOutput<>(writer, env.getIOMetrics()));
        }
        for (ChainedOperatorConfig child : node.getChainedOutputs()) {
            outputs.add(new ChainingOutput<>((StreamOperator<Object, ?>) child.getOperator()));
        }
        Output<Object> output = outputs.isEmpty() ? new DiscardingOutput<>()
                : outputs.size() == 1 ? outputs.get(0) : new FanOutOutput<>(outputs);
        operator.setup(ctx, output);
        for (ChainedOperatorConfig child : node.getChainedOutputs()) {
            buildChain(child, env, ctx, operators, writers, flushEveryRecord);
        }
    }

    @Override
    public void cancel() {
        canceled = true;
        SourceOperator<?> s = source;
        if (s != null) {
            s.cancel();
        }
    }
}
