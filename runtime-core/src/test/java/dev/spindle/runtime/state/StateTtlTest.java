package dev.spindle.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.RuntimeMode;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.RichFlatMapFunction;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.state.ListState;
import dev.spindle.api.state.ListStateDescriptor;
import dev.spindle.api.state.MapState;
import dev.spindle.api.state.MapStateDescriptor;
import dev.spindle.api.state.StateTtlConfig;
import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.StateOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.graph.PipelineTranslator;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.minicluster.MiniCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * State time-to-live on a controlled clock: each record carries the time the state sees
 * ({@code state.ttl.time-provider} reads it in the task thread), so expiry is exact. On the
 * MiniCluster with two TaskExecutors: value state with OnCreateAndWrite and OnReadAndWrite, with
 * NeverReturnExpired and ReturnExpiredIfNotCleanedUp, and per-element expiry in list and map state.
 * On the backend: cleanupFullSnapshot leaves expired entries out of checkpoints.
 */
@Timeout(120)
class StateTtlTest {

    @TempDir
    Path tmp;

    /** The time state TTL sees in this thread: set by the function from the record before it touches state. */
    public static final class ThreadClock implements TtlTimeProvider {
        static final ThreadLocal<Long> NOW = ThreadLocal.withInitial(() -> 0L);

        @Override
        public long currentTimestamp() {
            return NOW.get();
        }
    }

    static StateTtlConfig.Builder ttl() {
        return StateTtlConfig.newBuilder(Duration.ofMillis(100));
    }

    /** Records "key,time,op": w writes the values and adds an element, a adds an element, r reads everything. */
    static final class TtlProbe extends RichFlatMapFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<String> onWrite;
        private transient ValueState<String> onRead;
        private transient ValueState<String> returnExpired;
        private transient ListState<String> list;
        private transient MapState<Long, String> map;

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            ValueStateDescriptor<String> w = new ValueStateDescriptor<>("on-write", String.class);
            w.enableTimeToLive(ttl().updateTtlOnCreateAndWrite().neverReturnExpired().build());
            ValueStateDescriptor<String> r = new ValueStateDescriptor<>("on-read", String.class);
            r.enableTimeToLive(ttl().setUpdateType(StateTtlConfig.UpdateType.OnReadAndWrite).build());
            ValueStateDescriptor<String> e = new ValueStateDescriptor<>("return-expired", String.class);
            e.enableTimeToLive(ttl().setStateVisibility(StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp).build());
            ListStateDescriptor<String> l = new ListStateDescriptor<>("list", String.class);
            l.enableTimeToLive(ttl().build());
            MapStateDescriptor<Long, String> m = new MapStateDescriptor<>("map", Long.class, String.class);
            m.enableTimeToLive(ttl().build());
            onWrite = context.getState(w);
            onRead = context.getState(r);
            returnExpired = context.getState(e);
            list = context.getListState(l);
            map = context.getMapState(m);
        }

        @Override
        public void flatMap(String record, Collector<String> out) throws Exception {
            String[] f = record.split(",");
            long time = Long.parseLong(f[1]);
            ThreadClock.NOW.set(time);
            switch (f[2]) {
                case "w" -> {
                    onWrite.update("x" + time);
                    onRead.update("x" + time);
                    returnExpired.update("x" + time);
                    list.add("e" + time);
                    map.put(time, "e" + time);
                }
                case "a" -> {
                    list.add("e" + time);
                    map.put(time, "e" + time);
                }
                default -> {
                    List<String> elements = new ArrayList<>();
                    list.get().forEach(elements::add);
                    Map<Long, String> mappings = new TreeMap<>();
                    map.entries().forEach(en -> mappings.put(en.getKey(), en.getValue()));
                    out.collect(f[0] + "@" + time + " " + onWrite.value() + " " + onRead.value() + " " + returnExpired.value() + " "
                            + elements + " " + mappings + " " + map.contains(0L));
                }
            }
        }
    }

    @Test
    void expiredEntriesAreGoneOnTheControlledClockAsEachSettingSays() throws Exception {
        Path out = tmp.resolve("out");
        StreamEnvironment env = StreamEnvironment.getEnvironment();
        env.setParallelism(2);
        env.setRuntimeMode(RuntimeMode.STREAMING);
        env.getConfig().set(StateOptions.TTL_TIME_PROVIDER, ThreadClock.class.getName());
        env.fromElements(
                        "a,0,w", "a,60,a", "a,80,r", "a,130,r", "a,150,r", "a,260,r",
                        "b,0,w", "b,99,r", "b,100,r", "b,101,r")
                .setParallelism(1)
                .keyBy(r -> r.split(",")[0])
                .flatMap(new TtlProbe())
                .writeAsText(out.toUri().toString()).setParallelism(1);
        JobGraph job = PipelineTranslator.translate(env, "state ttl");
        Configuration conf = new Configuration();
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, 2);
        conf.set(TaskManagerOptions.NUM_TASK_SLOTS, 2);
        try (MiniCluster cluster = new MiniCluster(conf).start()) {
            cluster.getDispatcher().submitJob(job).get();
            new DispatcherJobClient(cluster.getDispatcher(), job.getJobId()).getJobExecutionResult().get(60, TimeUnit.SECONDS);
        }
        List<String> expected = new ArrayList<>(List.of(
                // all alive; on-read's clock restarts at 80
                "a@80 x0 x0 x0 [e0, e60] {0=e0, 60=e60} true",
                // on-write expired at 100; on-read lives (read at 80); return-expired is shown once and removed; e0 expired
                "a@130 null x0 x0 [e60] {60=e60} false",
                "a@150 null x0 null [e60] {60=e60} false",
                // on-read last read at 150: expired at 250; e60 expired at 160
                "a@260 null null null [] {} false",
                "b@99 x0 x0 x0 [e0] {0=e0} true",
                // on-read was read at 99, so it lives to 199
                "b@100 null x0 x0 [] {} false",
                "b@101 null x0 null [] {} false"));
        expected.sort(null);
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_")).toList()) {
                lines.addAll(Files.readAllLines(f));
            }
        }
        lines.sort(null);
        assertEquals(expected, lines);
    }

    @Test
    void cleanupFullSnapshotLeavesExpiredEntriesOutOfTheCheckpoint() throws Exception {
        AtomicLong now = new AtomicLong();
        KeyedStateBackend backend = new KeyedStateBackend(KeyGroups.DEFAULT_MAX_PARALLELISM, Map.of(), getClass().getClassLoader(),
                now::get);
        StateTtlConfig config = ttl().returnExpiredIfNotCleanedUp().cleanupFullSnapshot().build();
        ValueStateDescriptor<String> vd = new ValueStateDescriptor<>("v", String.class);
        vd.enableTimeToLive(config);
        ListStateDescriptor<String> ld = new ListStateDescriptor<>("l", String.class);
        ld.enableTimeToLive(config);
        MapStateDescriptor<String, String> md = new MapStateDescriptor<>("m", String.class, String.class);
        md.enableTimeToLive(config);
        ValueState<String> v = backend.getValueState(vd);
        ListState<String> l = backend.getListState(ld);
        MapState<String, String> m = backend.getMapState(md);
        backend.setCurrentKey("old");
        v.update("old");
        l.add("old");
        m.put("k", "old");
        now.set(50);
        backend.setCurrentKey("new");
        v.update("new");
        l.add("new");
        m.put("k", "new");
        backend.setCurrentKey("old");
        l.add("late");
        m.put("late", "late");
        now.set(120); // "old" written at 0 expired at 100; "new" and "late" live until 150

        Map<String, StateData> written = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, SnapshottableState.Snapshot> e : backend.snapshot().entrySet()) {
            written.put(e.getKey(), e.getValue().write());
        }
        KeyedStateBackend restored = new KeyedStateBackend(KeyGroups.DEFAULT_MAX_PARALLELISM, written, getClass().getClassLoader(),
                now::get);
        ValueState<String> rv = restored.getValueState(vd);
        ListState<String> rl = restored.getListState(ld);
        MapState<String, String> rm = restored.getMapState(md);
        restored.setCurrentKey("old");
        // ReturnExpiredIfNotCleanedUp would show them: they are absent because the snapshot cleaned them up
        assertNull(rv.value());
        assertEquals(List.of("late"), toList(rl.get()));
        assertEquals(Map.of("late", "late"), toMap(rm));
        restored.setCurrentKey("new");
        assertEquals("new", rv.value());
        assertEquals(List.of("new"), toList(rl.get()));
        assertEquals(Map.of("k", "new"), toMap(rm));

        // without cleanupFullSnapshot the expired value goes into the snapshot and is shown once after the restore
        ValueStateDescriptor<String> kept = new ValueStateDescriptor<>("kept", String.class);
        kept.enableTimeToLive(ttl().returnExpiredIfNotCleanedUp().build());
        backend.setCurrentKey("old");
        now.set(0);
        backend.getValueState(kept).update("stale");
        now.set(500);
        StateData keptData = backend.snapshot().get("kept").write();
        KeyedStateBackend again = new KeyedStateBackend(KeyGroups.DEFAULT_MAX_PARALLELISM, Map.of("kept", keptData),
                getClass().getClassLoader(), now::get);
        again.setCurrentKey("old");
        assertEquals("stale", again.getValueState(kept).value());
        assertNull(again.getValueState(kept).value());
    }

    @Test
    void ttlOnAStateRestoredWithoutTtlIsRefusedNamingTheState() throws Exception {
        KeyedStateBackend backend = new KeyedStateBackend();
        backend.setCurrentKey("k");
        backend.getValueState(new ValueStateDescriptor<>("v", String.class)).update("x");
        StateData data = backend.snapshot().get("v").write();
        KeyedStateBackend restored = new KeyedStateBackend(KeyGroups.DEFAULT_MAX_PARALLELISM, Map.of("v", data),
                getClass().getClassLoader());
        ValueStateDescriptor<String> withTtl = new ValueStateDescriptor<>("v", String.class);
        withTtl.enableTimeToLive(ttl().build());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> restored.getValueState(withTtl));
        assertTrue(e.getMessage().contains("'v'") && e.getMessage().contains("VALUE+TTL"), e.getMessage());
    }

    private static List<String> toList(Iterable<String> values) {
        List<String> out = new ArrayList<>();
        values.forEach(out::add);
        return out;
    }

    private static Map<String, String> toMap(MapState<String, String> state) {
        Map<String, String> out = new TreeMap<>();
        state.entries().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
