package dev.spindle.it.programs;

import dev.spindle.api.JobExecutionResult;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.accumulators.LongCounter;
import dev.spindle.api.functions.RichFilterFunction;
import dev.spindle.api.functions.RuntimeContext;

/**
 * Keyed exchange at full speed: {@code fromSequence(0, records - 1)} at parallelism 2, {@code
 * keyBy(value % keys)}, and a keyed filter that counts what it receives and passes nothing on, so
 * that the exchange (serialization, network, deserialization) is nearly all the work. Args:
 * {@code <records> <keys> <output>}; prints {@link #RESULT} with the counts and the job's duration.
 */
public final class KeyedThroughputJob {

    /** The line main prints: records counted, how many came from the other source subtask, duration in ms. */
    public static final String RESULT = "keyed-throughput records=%d crossed=%d duration-ms=%d";

    private KeyedThroughputJob() {
    }

    public static void main(String[] args) throws Exception {
        long records = Long.parseLong(args[0]);
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        define(env, records, Integer.parseInt(args[1]), args[2]);
        JobExecutionResult result = env.execute("keyed-throughput");
        System.out.println(describe(result));
    }

    /** The job, on any environment: the benchmark runs the same definition in one JVM. */
    public static void define(StreamEnvironment env, long records, int keys, String output) {
        env.setParallelism(2);
        env.fromSequence(0, records - 1)
                .keyBy(v -> v % keys)
                .filter(new CountingFilter(records))
                .writeAsText(output);
    }

    public static String describe(JobExecutionResult result) {
        Long records = result.getAccumulatorResult("records");
        Long crossed = result.getAccumulatorResult("crossed");
        return String.format(java.util.Locale.ROOT, RESULT, records, crossed, result.getNetRuntime());
    }

    /** Counts its records, and those whose source subtask had another index (in another slot, so another TaskExecutor here). */
    static final class CountingFilter extends RichFilterFunction<Long> {
        private static final long serialVersionUID = 1L;
        private final long records;

        CountingFilter(long records) {
            this.records = records;
        }

        private transient LongCounter counted;
        private transient LongCounter crossed;
        private transient int parallelism;
        private transient int subtask;

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            counted = context.getLongCounter("records");
            crossed = context.getLongCounter("crossed");
            parallelism = context.getNumberOfParallelSubtasks();
            subtask = context.getIndexOfThisSubtask();
        }

        @Override
        public boolean filter(Long value) {
            counted.add(1L);
            // fromSequence gives each source subtask one contiguous range of the sequence.
            if (value * parallelism / records != subtask) {
                crossed.add(1L);
            }
            return false;
        }
    }
}
