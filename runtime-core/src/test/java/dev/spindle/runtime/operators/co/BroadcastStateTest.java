package dev.spindle.runtime.operators.co;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.RestartStrategies;
import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.BroadcastStream;
import dev.spindle.api.DataStream;
import dev.spindle.api.eventtime.WatermarkStrategy;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.functions.SourceFunction;
import dev.spindle.api.functions.co.KeyedBroadcastProcessFunction;
import dev.spindle.api.state.MapState;
import dev.spindle.api.state.MapStateDescriptor;
import dev.spindle.api.state.ReadOnlyBroadcastState;
import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.checkpoint.CheckpointStorage;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.graph.PipelineTranslator;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.minicluster.MiniCluster;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broadcast state with a {@link KeyedBroadcastProcessFunction} on the MiniCluster: versioned
 * threshold rules are broadcast to every subtask of a keyed operator, which applies to each event the
 * rule in force at its event time (an event waits in keyed state for a timer at its timestamp; the
 * operator's watermark is the minimum over both inputs, so every rule up to then has arrived).
 * Outputs are compared with references computed here: at parallelism 3, through a failure with
 * checkpointing (exact output after restoring broadcast state, keyed state and timers), and from a
 * savepoint into a job with another parallelism (every new subtask gets the broadcast state).
 * {@code applyToKeyedState} reaches the keyed state of every key from the broadcast side.
 */
@Timeout(180)
class BroadcastStateTest {

    static final MapStateDescriptor<Long, Long> RULES = new MapStateDescriptor<>("rules", Long.class, Long.class);
    static final int KEYS = 11;
    static final long RULE_EVERY = 1000;
    static final int RULE_COUNT = 10;
    static final long TALLY = -1;
    static final AtomicLong FIRED = new AtomicLong();
    static final AtomicBoolean THROWN = new AtomicBoolean();

    @TempDir
    Path tmp;

    record Event(long key, long value, long ts) implements Serializable {
    }

    record Rule(long version, long threshold) implements Serializable {
    }

    static Event event(long i) {
        return new Event(i % KEYS, i * 13 % 100, i * 5);
    }

    static Rule rule(long k) {
        return new Rule(k * RULE_EVERY, 50 + k * 37 % 50);
    }

    static Event slowEvent(long i) throws InterruptedException {
        if (i % 4 == 0) {
            Thread.sleep(1);
        }
        return event(i);
    }

    /** Applies the rule in force at each event's time; a broadcast tally reports every key's count. */
    static final class ApplyRules extends KeyedBroadcastProcessFunction<Long, Event, Rule, String> {
        private static final long serialVersionUID = 1L;
        static final ValueStateDescriptor<Long> COUNT = new ValueStateDescriptor<>("count", Long.class);
        private final String failAfterCheckpointIn;
        private transient MapState<Long, Event> pending;
        private transient ValueState<Long> count;

        /** {@code failAfterCheckpointIn}: a checkpoint directory; once it holds a checkpoint, the first attempt fails once. */
        ApplyRules(String failAfterCheckpointIn) {
            this.failAfterCheckpointIn = failAfterCheckpointIn;
        }

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            pending = context.getMapState(new MapStateDescriptor<>("pending", Long.class, Event.class));
            count = context.getState(COUNT);
        }

        @Override
        public void processElement(Event e, ReadOnlyContext ctx, Collector<String> out) throws Exception {
            pending.put(e.ts(), e);
            ctx.timerService().registerEventTimeTimer(e.ts());
        }

        @Override
        public void processBroadcastElement(Rule r, Context ctx, Collector<String> out) throws Exception {
            if (r.threshold() == TALLY) {
                ctx.applyToKeyedState(COUNT, (key, state) -> out.collect("tally|" + key + "|" + state.value()));
                return;
            }
            if (ctx.timestamp() == null || ctx.timestamp() != r.version()) {
                throw new IllegalStateException("rule " + r + " arrived with timestamp " + ctx.timestamp());
            }
            ctx.getBroadcastState(RULES).put(r.version(), r.threshold());
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            Event e = pending.get(timestamp);
            pending.remove(timestamp);
            ReadOnlyBroadcastState<Long, Long> rules = ctx.getBroadcastState(RULES);
            long version = -1;
            for (Map.Entry<Long, Long> r : rules.immutableEntries()) {
                if (r.getKey() <= timestamp && r.getKey() > version) {
                    version = r.getKey();
                }
            }
            if (version < 0) {
                throw new IllegalStateException("no rule in force at " + timestamp + " in subtask "
                        + getRuntimeContext().getIndexOfThisSubtask() + ": " + rules.immutableEntries());
            }
            long c = (count.value() == null ? 0 : count.value()) + 1;
            count.update(c);
            if (failAfterCheckpointIn != null && c > 30 && getRuntimeContext().getAttemptNumber() == 0
                    && hasCompletedCheckpoint(Path.of(failAfterCheckpointIn)) && THROWN.compareAndSet(false, true)) {
                throw new IllegalStateException("injected failure");
            }
            FIRED.incrementAndGet();
            out.collect(line(e, rules.get(version), c));
        }
    }

    static String line(Event e, long threshold, long count) {
        return e.key() + "|" + e.ts() + "|" + e.value() + "|" + threshold + "|" + (e.value() > threshold ? "ALERT" : "ok") + "|" + count;
    }

    /** The reference: each key's events in time order, each with the rule whose version is the greatest not after it. */
    static List<String> expected(long events) {
        Map<Long, Long> counts = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (long i = 0; i < events; i++) {
            Event e = event(i);
            long c = counts.merge(e.key(), 1L, Long::sum);
            long k = Math.min(e.ts() / RULE_EVERY, RULE_COUNT - 1);
            lines.add(line(e, rule(k).threshold(), c));
        }
        lines.sort(null);
        return lines;
    }

    static boolean hasCompletedCheckpoint(Path checkpoints) throws IOException {
        if (!Files.exists(checkpoints)) {
            return false;
        }
        // the job renames files while this looks: ask again when one vanishes
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> all = Files.walk(checkpoints)) {
                return all.anyMatch(p -> p.getFileName().toString().equals(CheckpointStorage.METADATA_FILE));
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                if (attempt >= 20) {
                    throw e;
                }
            }
        }
    }

    static List<String> committedLines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_"))
                    .toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        lines.sort(null);
        return lines;
    }

    /**
     * Emits the rules, then (idle, so the keyed side's timers fire on the events' watermark alone)
     * waits until every event was evaluated and emits the tally.
     */
    static final class RulesThenTally implements SourceFunction<Rule> {
        private static final long serialVersionUID = 1L;
        private final long events;
        private volatile boolean running = true;

        RulesThenTally(long events) {
            this.events = events;
        }

        @Override
        public void run(SourceContext<Rule> ctx) throws Exception {
            for (long k = 0; k < RULE_COUNT; k++) {
                synchronized (ctx.getCheckpointLock()) {
                    ctx.collect(rule(k));
                }
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while (running && FIRED.get() < events && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            synchronized (ctx.getCheckpointLock()) {
                ctx.collect(new Rule(RULE_COUNT * RULE_EVERY, TALLY));
            }
        }

        @Override
        public void cancel() {
            running = false;
        }

        @Override
        public boolean isBounded() {
            return true;
        }
    }

    static Configuration cluster() {
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 3);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 3);
        return conf;
    }

    static DataStream<Event> events(StreamEnvironment env, DataStream<Event> source) {
        return source.assignTimestampsAndWatermarks(WatermarkStrategy.<Event>forMonotonousTimestamps()
                .withTimestampAssigner((e, t) -> e.ts())).uid("event-times");
    }

    static BroadcastStream<Rule> rules(DataStream<Rule> source, Duration idleness) {
        WatermarkStrategy<Rule> strategy = WatermarkStrategy.<Rule>forMonotonousTimestamps().withTimestampAssigner((r, t) -> r.version());
        return source.assignTimestampsAndWatermarks(idleness == null ? strategy : strategy.withIdleness(idleness)).uid("rule-times")
                .broadcast(RULES);
    }

    @Test
    void rulesAreAppliedByEventTimeOnEveryKeyedSubtaskAndTheTallyReachesEveryKey() throws Exception {
        long n = 2000;
        FIRED.set(0);
        StreamEnvironment env = ConnectedStreamsTest.environment();
        events(env, env.fromGenerator(n, BroadcastStateTest::event))
                .keyBy(Event::key)
                .connect(rules(env.addSource(new RulesThenTally(n)).setParallelism(1), Duration.ofMillis(300)))
                .process(new ApplyRules(null)).setParallelism(3)
                .addSink(new ConnectedStreamsTest.Collect("rules")).setParallelism(2);
        ConnectedStreamsTest.run(env, "broadcast rules");

        List<String> expected = new ArrayList<>(expected(n));
        Map<Long, Long> perKey = new HashMap<>();
        for (long i = 0; i < n; i++) {
            perKey.merge(event(i).key(), 1L, Long::sum);
        }
        perKey.forEach((k, c) -> expected.add("tally|" + k + "|" + c));
        expected.sort(null);
        assertTrue(expected.stream().anyMatch(l -> l.contains("ALERT")) && expected.stream().anyMatch(l -> l.contains("|ok|")));
        assertEquals(expected, ConnectedStreamsTest.sorted("rules"));
    }

    @Test
    void broadcastAndKeyedStateSurviveAFailureWithExactOutput() throws Exception {
        long n = 6000;
        THROWN.set(false);
        Path out = tmp.resolve("out");
        Path checkpoints = tmp.resolve("checkpoints");
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.enableCheckpointing(200);
        env.getCheckpointConfig().setCheckpointStorage(checkpoints.toUri().toString());
        env.setRestartStrategy(RestartStrategies.fixedDelayRestart(3, Duration.ofMillis(100)));
        events(env, env.fromGenerator(n, BroadcastStateTest::slowEvent).uid("events"))
                .keyBy(Event::key)
                .connect(rules(env.fromGenerator(RULE_COUNT, BroadcastStateTest::rule).setParallelism(1).uid("rules"), null))
                .process(new ApplyRules(checkpoints.toString())).setParallelism(3).uid("apply-rules")
                .writeAsText(out.toUri().toString()).uid("out");
        JobGraph job = PipelineTranslator.translate(env, "broadcast rules with a failure");
        try (MiniCluster cluster = new MiniCluster(cluster()).start()) {
            cluster.getDispatcher().submitJob(job).get();
            new DispatcherJobClient(cluster.getDispatcher(), job.getJobId()).getJobExecutionResult().get(120, TimeUnit.SECONDS);
        }
        assertTrue(THROWN.get(), "the injected failure did not happen");
        assertEquals(expected(n), committedLines(out));
    }

    private JobGraph rescaleJob(Path out, int parallelism, long events, String savepoint) {
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.enableCheckpointing(300);
        env.getCheckpointConfig().setCheckpointStorage(tmp.resolve("checkpoints").toUri().toString());
        if (savepoint != null) {
            env.getConfig().set(DeploymentOptions.SAVEPOINT_PATH, savepoint);
        }
        events(env, env.fromGenerator(events, BroadcastStateTest::paced).uid("events"))
                .keyBy(Event::key)
                .connect(rules(env.fromGenerator(RULE_COUNT, BroadcastStateTest::rule).setParallelism(1).uid("rules"), null))
                .process(new ApplyRules(null)).setParallelism(parallelism).uid("apply-rules")
                .writeAsText(out.toUri().toString()).setParallelism(1).uid("out");
        return PipelineTranslator.translate(env, "broadcast rules at parallelism " + parallelism);
    }

    static Event paced(long i) throws InterruptedException {
        Thread.sleep(2);
        return event(i);
    }

    @Test
    void aSavepointGivesTheBroadcastStateToEverySubtaskOfAJobWithAnotherParallelism() throws Exception {
        long n = 4000;
        try (MiniCluster cluster = new MiniCluster(cluster()).start()) {
            JobGraph first = rescaleJob(tmp.resolve("out-a"), 2, n, null);
            cluster.getDispatcher().submitJob(first).get();
            Path own = tmp.resolve("checkpoints").resolve(first.getJobId().toString());
            long deadline = System.currentTimeMillis() + 30_000;
            while (!hasCompletedCheckpoint(own) && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(hasCompletedCheckpoint(own), "no checkpoint of the first job completed");
            String savepoint = cluster.getDispatcher().runningJobMaster(first.getJobId())
                    .triggerSavepoint(tmp.resolve("savepoints").toUri().toString()).get(30, TimeUnit.SECONDS);
            cluster.getDispatcher().cancelJob(first.getJobId()).get(30, TimeUnit.SECONDS);

            // the rules source had finished: the rescaled job's rules come from the savepoint's broadcast state alone
            JobGraph second = rescaleJob(tmp.resolve("out-b"), 3, n, savepoint);
            cluster.getDispatcher().submitJob(second).get();
            new DispatcherJobClient(cluster.getDispatcher(), second.getJobId()).getJobExecutionResult().get(120, TimeUnit.SECONDS);
        }
        // Each key's lines of the second job continue the savepoint's count: exactly the reference lines after it.
        List<String> reference = expected(n);
        List<String> resumed = committedLines(tmp.resolve("out-b"));
        assertFalse(resumed.isEmpty(), "the second job wrote nothing");
        Map<Long, Long> firstCount = new HashMap<>();
        for (String l : resumed) {
            String[] f = l.split("\\|");
            firstCount.merge(Long.parseLong(f[0]), Long.parseLong(f[5]), Math::min);
        }
        assertTrue(firstCount.values().stream().anyMatch(c -> c > 1), "the savepoint held no keyed counts: " + firstCount);
        List<String> expected = new ArrayList<>();
        for (String l : reference) {
            String[] f = l.split("\\|");
            Long from = firstCount.get(Long.parseLong(f[0]));
            if (from != null && Long.parseLong(f[5]) >= from) {
                expected.add(l);
            }
        }
        assertEquals(KEYS, firstCount.size(), "every key has events after the savepoint");
        assertEquals(expected, resumed);
    }
}
