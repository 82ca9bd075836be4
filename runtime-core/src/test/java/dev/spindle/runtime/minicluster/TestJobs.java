package dev.spindle.runtime.minicluster;

import dev.spindle.api.accumulators.LongCounter;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.io.InputBuffer;
import dev.spindle.runtime.io.InputGate;
import dev.spindle.runtime.io.ResultPartitionWriter;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.jobgraph.JobVertexID;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.task.TaskEnvironment;
import dev.spindle.runtime.task.TaskInvokable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Small jobs for runtime tests. Records are longs, 8 bytes each, packed into buffers. Vertex
 * parameters travel as "k=v,k=v" text in the task configuration.
 */
public final class TestJobs {

    private TestJobs() {
    }

    static Map<String, String> params(TaskEnvironment env) {
        Map<String, String> m = new HashMap<>();
        String text = new String(env.getVertex().getTaskConfiguration(), StandardCharsets.UTF_8);
        for (String kv : text.split(",")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                m.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return m;
    }

    /** source(n, params) -> sink, connected by {@code strategy}. */
    public static JobGraph sourceToSink(String name, int sourceParallelism, int sinkParallelism, ShipStrategy strategy,
            String sourceParams, String sinkParams, Configuration jobConf) {
        JobGraph g = new JobGraph(new JobID(), name, jobConf);
        JobVertex source = new JobVertex(new JobVertexID(), "source", sourceParallelism, LongSource.class.getName(),
                sourceParams.getBytes(StandardCharsets.UTF_8));
        JobVertex sink = new JobVertex(new JobVertexID(), "sink", sinkParallelism, SumSink.class.getName(),
                sinkParams.getBytes(StandardCharsets.UTF_8));
        g.addVertex(source).addVertex(sink);
        g.connect(source.getId(), sink.getId(), strategy);
        return g;
    }

    /** Sum of 1..n. */
    public static long expectedSum(long n) {
        return n * (n + 1) / 2;
    }

    /**
     * Emits the longs 1..n (subtask i takes those with v % parallelism == i), spreading them over
     * the subpartitions. {@code fail=first} throws in subtask 0 of attempt 0, {@code fail=always}
     * in every attempt; {@code unbounded=true} emits until canceled.
     */
    public static final class LongSource implements TaskInvokable {
        private volatile boolean running = true;

        @Override
        public void invoke(TaskEnvironment env) throws Exception {
            Map<String, String> p = params(env);
            String fail = p.getOrDefault("fail", "never");
            if (env.getSubtaskIndex() == 0 && (fail.equals("always") || fail.equals("first") && env.getAttemptNumber() == 0)) {
                throw new IllegalStateException("boom in attempt " + env.getAttemptNumber());
            }
            long n = Long.parseLong(p.getOrDefault("n", "1000"));
            boolean unbounded = Boolean.parseBoolean(p.getOrDefault("unbounded", "false"));
            ResultPartitionWriter out = env.getOutputWriters().get(0);
            int subs = out.getNumberOfSubpartitions();
            ByteBuffer[] buffers = new ByteBuffer[subs];
            long v = env.getSubtaskIndex() + 1;
            while (running && (unbounded || v <= n)) {
                int sp = (int) (v % subs);
                if (buffers[sp] == null) {
                    buffers[sp] = ByteBuffer.allocate(64 * 8);
                }
                buffers[sp].putLong(unbounded ? 1 : v);
                env.getIOMetrics().incRecordsOut();
                if (!buffers[sp].hasRemaining()) {
                    out.emit(sp, buffers[sp].flip());
                    buffers[sp] = null;
                }
                v += env.getParallelism();
            }
            for (int sp = 0; sp < subs; sp++) {
                if (buffers[sp] != null && buffers[sp].position() > 0) {
                    out.emit(sp, buffers[sp].flip());
                }
            }
        }

        @Override
        public void cancel() {
            running = false;
        }
    }

    /** Sums all longs of all inputs into the accumulators "sum" and "count"; {@code sleepMs} per buffer makes it slow. */
    public static final class SumSink implements TaskInvokable {
        @Override
        public void invoke(TaskEnvironment env) throws Exception {
            long sleep = Long.parseLong(params(env).getOrDefault("sleepMs", "0"));
            LongCounter sum = new LongCounter();
            LongCounter count = new LongCounter();
            env.getAccumulatorRegistry().getOrRegister("sum", sum);
            env.getAccumulatorRegistry().getOrRegister("count", count);
            for (InputGate gate : env.getInputGates()) {
                InputBuffer b;
                while ((b = gate.getNext()) != null) {
                    ByteBuffer data = b.data();
                    while (data.remaining() >= 8) {
                        sum.add(data.getLong());
                        count.add(1L);
                        env.getIOMetrics().incRecordsIn();
                    }
                    if (sleep > 0) {
                        Thread.sleep(sleep);
                    }
                }
            }
        }

        @Override
        public void cancel() {
        }
    }
}
