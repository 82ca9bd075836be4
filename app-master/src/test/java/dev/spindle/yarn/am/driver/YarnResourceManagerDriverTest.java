package dev.spindle.yarn.am.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerExitStatus;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.ContainerState;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.NodeId;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MemorySize;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import dev.spindle.runtime.resourcemanager.ClusterAddresses;
import dev.spindle.runtime.resourcemanager.ResourceEventHandler;
import dev.spindle.runtime.resourcemanager.ResourceID;
import dev.spindle.runtime.resourcemanager.WorkerCounts;
import dev.spindle.runtime.resourcemanager.WorkerNode;
import dev.spindle.runtime.resourcemanager.WorkerResourceSpec;

class YarnResourceManagerDriverTest {

    private static final WorkerResourceSpec SMALL = new WorkerResourceSpec(MemorySize.parse("512m"), 1, 2);
    private static final WorkerResourceSpec LARGE = new WorkerResourceSpec(MemorySize.parse("1g"), 2, 4);
    private static final ApplicationAttemptId ATTEMPT = ApplicationAttemptId.newInstance(ApplicationId.newInstance(1L, 7), 1);

    /** The resource manager's main thread: everything the driver does to its state happens here. */
    private final ExecutorService mainThread = Executors.newSingleThreadExecutor();
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final List<String> terminated = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final List<WorkerNode> keptWorkers = new ArrayList<>();
    private final List<WorkerCounts> counts = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Configuration conf = new Configuration()
            .set(YarnConfigOptions.CONTAINERS_START_RETRY_BACKOFF, java.time.Duration.ofMillis(1))
            .set(YarnConfigOptions.CONTAINERS_MAX_START_FAILURES_PER_MINUTE, 1);

    private FakeAmrmClient amrm;
    private FakeNmClient nm;
    private YarnResourceManagerDriver driver;
    private int nextContainer = 1;

    @BeforeEach
    void setUp() throws Exception {
        startDriver(List.of());
    }

    /** A driver registered as an attempt that YARN hands {@code kept} containers of earlier attempts. */
    private void startDriver(List<Container> kept) throws Exception {
        driver = new YarnResourceManagerDriver(conf, new org.apache.hadoop.conf.Configuration(false),
                h -> {
                    amrm = new FakeAmrmClient(h);
                    amrm.keptFromPreviousAttempts.addAll(kept);
                    return amrm;
                }, h -> nm = new FakeNmClient(h),
                (spec, host, port) -> ContainerLaunchContext.newInstance(null, null,
                        List.of("java " + TaskExecutorContainerFactory.RUNNER_CLASS + " " + host + " " + port), null, null, null),
                "am-host", now::get);
        ResourceEventHandler handler = new ResourceEventHandler() {
            @Override
            public void onWorkerTerminated(ResourceID resourceId, String diagnostics) {
                terminated.add(resourceId + ": " + diagnostics);
            }

            @Override
            public void onPreviousAttemptWorkers(List<WorkerNode> workers) {
                keptWorkers.addAll(workers);
            }

            @Override
            public void onError(Throwable error) {
                errors.add(error);
            }

            @Override
            public void onWorkerCountsChanged(WorkerCounts c) {
                counts.add(c);
            }
        };
        onMain(() -> {
            driver.initialize(handler, mainThread, new ClusterAddresses("am-host", 6123, "http://am-host:8081"));
            return null;
        });
    }

    @AfterEach
    void tearDown() throws Exception {
        onMain(() -> {
            driver.terminate();
            return null;
        });
        mainThread.shutdownNow();
    }

    @Test
    void registersWithRestUrlAsTrackingUrl() {
        assertEquals("am-host", amrm.registeredHost);
        assertEquals(6123, amrm.registeredPort);
        assertEquals("http://am-host:8081", amrm.trackingUrl);
    }

    @Test
    void oneRequestPerWorkerWithAPriorityPerSpecAndFastHeartbeatWhilePending() throws Exception {
        request(SMALL);
        request(SMALL);
        request(LARGE);
        assertEquals(3, amrm.added.size());
        Priority small = amrm.added.get(0).getPriority();
        assertEquals(small, amrm.added.get(1).getPriority());
        assertNotEquals(small, amrm.added.get(2).getPriority());
        assertEquals(Resource.newInstance(512, 2), amrm.added.get(0).getCapability(), "vcores default to one per slot");
        assertEquals(Resource.newInstance(1024, 4), amrm.added.get(2).getCapability());
        assertEquals(250, last(amrm.heartbeats), "fast heartbeat while containers are pending");

        allocate(container(small, SMALL), container(small, SMALL), container(amrm.added.get(2).getPriority(), LARGE));
        awaitStarts(3);
        assertEquals(1000, last(amrm.heartbeats), "slow heartbeat once nothing is pending");
        assertEquals(3, amrm.removed.size(), "matched requests are removed so YARN does not allocate them again");
    }

    @Test
    void workerCountsAreReportedOncePerChangeAsRequestedAllocatedRunning() throws Exception {
        CompletableFuture<WorkerNode> first = request(SMALL);
        request(SMALL);
        assertEquals(List.of(new WorkerCounts(1, 0, 0), new WorkerCounts(2, 0, 0)), counts);

        Priority p = amrm.added.get(0).getPriority();
        Container c1 = container(p, SMALL);
        allocate(c1);
        assertNotNull(nm.starts.poll(10, TimeUnit.SECONDS));
        assertEquals(new WorkerCounts(2, 1, 0), last(counts), "one allocated, the other still pending");

        nm.callbacks.onContainerStarted(c1.getId(), null);
        first.get(10, TimeUnit.SECONDS);
        onMain(() -> null);
        assertEquals(new WorkerCounts(2, 1, 1), last(counts));

        amrm.callbacks.onContainersCompleted(List.of(ContainerStatus.newInstance(c1.getId(), ContainerState.COMPLETE,
                "gone", ContainerExitStatus.ABORTED)));
        onMain(() -> null);
        assertEquals(new WorkerCounts(1, 0, 0), last(counts), "an ended container leaves every count");
        assertEquals(5, counts.size(), "one report per change, none repeated: " + counts);
    }

    @Test
    void surplusContainersAreReleasedAndStartedOnesReported() throws Exception {
        CompletableFuture<WorkerNode> worker = request(SMALL);
        Priority p = amrm.added.get(0).getPriority();
        Container first = container(p, SMALL);
        Container surplus = container(p, SMALL);
        allocate(first, surplus);
        FakeNmClient.Start start = nm.starts.poll(10, TimeUnit.SECONDS);
        assertNotNull(start);
        assertEquals(first.getId(), start.container().getId());
        assertTrue(start.context().getCommands().get(0).contains(TaskExecutorContainerFactory.RUNNER_CLASS + " am-host 6123"));
        assertEquals(List.of(surplus.getId()), amrm.released);
        assertFalse(worker.isDone(), "a worker counts as started only when the NodeManager says so");

        nm.callbacks.onContainerStarted(first.getId(), null);
        WorkerNode node = worker.get(10, TimeUnit.SECONDS);
        assertEquals(first.getId().toString(), node.resourceId().id());
        assertEquals("node-1", node.host());
    }

    @Test
    void containersKeptFromAnEarlierAttemptAreRunningWorkersThatEndAndReleaseLikeOwnOnes() throws Exception {
        onMain(() -> {
            driver.terminate();
            return null;
        });
        ContainerId keptId = ContainerId.newContainerId(ATTEMPT, 2);
        ContainerId otherId = ContainerId.newContainerId(ATTEMPT, 3);
        startDriver(List.of(
                Container.newInstance(keptId, NodeId.newInstance("node-1", 45454), "node-1:8042", Resource.newInstance(512, 1),
                        Priority.newInstance(1), null),
                Container.newInstance(otherId, NodeId.newInstance("node-2", 45454), "node-2:8042", Resource.newInstance(512, 1),
                        Priority.newInstance(1), null)));

        assertEquals(List.of(keptId.toString(), otherId.toString()), keptWorkers.stream().map(w -> w.resourceId().id()).toList());
        WorkerNode kept = keptWorkers.get(0);
        assertEquals("node-1", kept.host());
        assertEquals(MemorySize.ofMebiBytes(512), kept.spec().processMemory());
        assertTrue(kept.logUrl().contains("node-1:8042/node/containerlogs/" + keptId), kept.logUrl());
        assertEquals(new WorkerCounts(2, 2, 2), last(counts), "kept containers count as running");
        assertTrue(amrm.added.isEmpty(), "nothing requested for them");

        onMain(() -> {
            driver.releaseWorker(keptWorkers.get(1));
            return null;
        });
        assertEquals(List.of(otherId), amrm.released);
        amrm.callbacks.onContainersCompleted(List.of(ContainerStatus.newInstance(keptId, ContainerState.COMPLETE, "killed", 137)));
        onMain(() -> null);
        assertEquals(1, terminated.size(), terminated.toString());
        assertTrue(terminated.get(0).startsWith(keptId + ": "), terminated.get(0));
    }

    @Test
    void containerKilledForMemoryIsReportedWithTheKeyToRaise() throws Exception {
        WorkerNode node = startWorker(SMALL);
        amrm.callbacks.onContainersCompleted(List.of(ContainerStatus.newInstance(ContainerId.fromString(node.resourceId().id()),
                ContainerState.COMPLETE, "Container killed on request. Exit code is 143", ContainerExitStatus.KILLED_EXCEEDED_PMEM)));
        onMain(() -> null);
        assertEquals(1, terminated.size());
        String why = terminated.get(0);
        assertTrue(why.startsWith(node.resourceId() + ": TaskExecutor container " + node.resourceId() + " on node-1"), why);
        assertTrue(why.contains("exceeding its physical memory: raise taskmanager.memory.process.size"), why);
    }

    @Test
    void failedStartIsRetriedThenGivenUpAtTheRateCap() throws Exception {
        CompletableFuture<WorkerNode> worker = request(SMALL);
        Container c1 = container(amrm.added.get(0).getPriority(), SMALL);
        allocate(c1);
        assertNotNull(nm.starts.poll(10, TimeUnit.SECONDS));
        nm.callbacks.onStartContainerError(c1.getId(), new java.io.IOException("NodeManager refused"));
        // After the back-off, a new request for the same spec is made.
        waitUntil(() -> amrm.added.size() == 2);
        assertTrue(amrm.released.contains(c1.getId()));
        assertFalse(worker.isDone());

        Container c2 = container(amrm.added.get(1).getPriority(), SMALL);
        allocate(c2);
        assertNotNull(nm.starts.poll(10, TimeUnit.SECONDS));
        nm.callbacks.onStartContainerError(c2.getId(), new java.io.IOException("NodeManager refused again"));
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> worker.get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause().getMessage().contains("NodeManager refused again"), e.getCause().getMessage());
        assertTrue(e.getCause().getMessage().contains(YarnConfigOptions.CONTAINERS_MAX_START_FAILURES_PER_MINUTE.key()));
        assertEquals(2, amrm.added.size(), "no third attempt");
    }

    @Test
    void failuresOlderThanAMinuteDoNotCountAgainstTheCap() throws Exception {
        CompletableFuture<WorkerNode> worker = request(SMALL);
        for (int attempt = 0; attempt < 3; attempt++) {
            Container c = container(amrm.added.get(attempt).getPriority(), SMALL);
            allocate(c);
            assertNotNull(nm.starts.poll(10, TimeUnit.SECONDS));
            nm.callbacks.onStartContainerError(c.getId(), new java.io.IOException("refused"));
            int expected = attempt + 2;
            waitUntil(() -> amrm.added.size() == expected);
            now.addAndGet(61_000);
        }
        assertFalse(worker.isDone());
    }

    @Test
    void releasedWorkerIsGivenBackToYarn() throws Exception {
        WorkerNode node = startWorker(SMALL);
        onMain(() -> {
            driver.releaseWorker(node);
            return null;
        });
        assertEquals(List.of(ContainerId.fromString(node.resourceId().id())), amrm.released);
        // Its completion afterwards is no failure.
        amrm.callbacks.onContainersCompleted(List.of(ContainerStatus.newInstance(ContainerId.fromString(node.resourceId().id()),
                ContainerState.COMPLETE, "", ContainerExitStatus.KILLED_BY_APPMASTER)));
        onMain(() -> null);
        assertTrue(terminated.isEmpty(), terminated.toString());
    }

    @Test
    void deregistersWithTheFinalStatus() throws Exception {
        onMain(() -> {
            driver.deregisterApplication(ApplicationStatus.FAILED, "Job 1234 failed: java.lang.IllegalStateException: boom");
            return null;
        });
        assertEquals(FinalApplicationStatus.FAILED, amrm.unregisteredWith);
        assertEquals("Job 1234 failed: java.lang.IllegalStateException: boom", amrm.unregisterDiagnostics);
    }

    @Test
    void heartbeatProgressIsZeroUntilTheRuntimeTellsThenFollowsIt() {
        assertEquals(0f, amrm.callbacks.getProgress());
        java.util.concurrent.atomic.AtomicReference<Double> read = new java.util.concurrent.atomic.AtomicReference<>(0.25);
        driver.reportProgressFrom(read::get);
        assertEquals(0.25f, amrm.callbacks.getProgress());
        read.set(0.75);
        assertEquals(0.75f, amrm.callbacks.getProgress());
    }

    @Test
    void heartbeatProgressStaysWithinZeroAndOneAndSurvivesAFailingSource() {
        driver.reportProgressFrom(() -> 1.5);
        assertEquals(1f, amrm.callbacks.getProgress());
        driver.reportProgressFrom(() -> Double.NaN);
        assertEquals(0f, amrm.callbacks.getProgress());
        driver.reportProgressFrom(() -> {
            throw new IllegalStateException("dispatcher gone");
        });
        assertEquals(0f, amrm.callbacks.getProgress());
    }

    @Test
    void shutdownRequestFromYarnIsAnError() throws Exception {
        amrm.callbacks.onShutdownRequest();
        onMain(() -> null);
        assertEquals(1, errors.size());
    }

    @Test
    void shutdownRequestEndsTheAttemptAndRefusesAnUnregister() throws Exception {
        amrm.callbacks.onShutdownRequest();
        onMain(() -> null);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0) instanceof dev.spindle.runtime.resourcemanager.AttemptEndedByClusterException, errors.toString());
        assertTrue(errors.get(0).getMessage().contains("shut down"), errors.get(0).getMessage());
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> onMain(() -> {
            driver.deregisterApplication(ApplicationStatus.FAILED, "ended");
            return null;
        }));
        assertTrue(e.getCause() instanceof dev.spindle.runtime.resourcemanager.AttemptEndedByClusterException);
        org.junit.jupiter.api.Assertions.assertNull(amrm.unregisteredWith, "YARN no longer knows the attempt: no unregister call");
    }

    @Test
    void clientErrorReachesTheResourceManagerAsItIs() throws Exception {
        java.io.IOException lost = new java.io.IOException("ResourceManager unreachable");
        amrm.callbacks.onError(lost);
        onMain(() -> null);
        assertEquals(List.of(lost), errors);
    }

    @Test
    void requestsAfterTheRateCapWaitUntilTheMinutesFailuresAreWithinItAgain() throws Exception {
        CompletableFuture<WorkerNode> first = request(SMALL);
        for (int i = 0; i < 2; i++) {
            Container c = container(amrm.added.get(i).getPriority(), SMALL);
            allocate(c);
            assertNotNull(nm.starts.poll(10, TimeUnit.SECONDS));
            nm.callbacks.onStartContainerError(c.getId(), new java.io.IOException("refused " + i));
            int expected = i + 2;
            if (i == 0) {
                waitUntil(() -> amrm.added.size() == expected);
            }
        }
        org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, () -> first.get(10, TimeUnit.SECONDS));
        // The resource manager asks again at once; the driver holds the request back instead of
        // sending YARN another one that would fail the same way.
        long coolDown = onMain(driver::startFailureCoolDownMillis);
        assertTrue(coolDown > 55_000 && coolDown <= 60_001, "cool-down " + coolDown);
        CompletableFuture<WorkerNode> second = request(SMALL);
        assertEquals(2, amrm.added.size(), "held back while over the cap");
        assertFalse(second.isDone());

        now.addAndGet(61_000);
        assertEquals(0L, onMain(driver::startFailureCoolDownMillis));
        CompletableFuture<WorkerNode> third = request(SMALL);
        assertEquals(3, amrm.added.size(), "requested once the failures are older than a minute");
        assertFalse(third.isDone());
    }

    private WorkerNode startWorker(WorkerResourceSpec spec) throws Exception {
        CompletableFuture<WorkerNode> worker = request(spec);
        Container c = container(amrm.added.get(amrm.added.size() - 1).getPriority(), spec);
        allocate(c);
        assertNotNull(nm.starts.poll(10, TimeUnit.SECONDS));
        nm.callbacks.onContainerStarted(c.getId(), null);
        return worker.get(10, TimeUnit.SECONDS);
    }

    private CompletableFuture<WorkerNode> request(WorkerResourceSpec spec) throws Exception {
        return onMain(() -> driver.requestWorker(spec));
    }

    private void allocate(Container... containers) throws Exception {
        amrm.callbacks.onContainersAllocated(List.of(containers));
        onMain(() -> null); // the hand-over to the main thread has happened
    }

    private Container container(Priority priority, WorkerResourceSpec spec) {
        ContainerId id = ContainerId.newContainerId(ATTEMPT, nextContainer++);
        return Container.newInstance(id, NodeId.newInstance("node-1", 45454), "node-1:8042",
                Resource.newInstance((int) spec.processMemory().getMebiBytes(), spec.numSlots()), priority, null);
    }

    private void awaitStarts(int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            assertNotNull(nm.starts.poll(10, TimeUnit.SECONDS), "container start " + (i + 1) + " of " + n);
        }
    }

    private <T> T onMain(java.util.concurrent.Callable<T> action) throws Exception {
        return mainThread.submit(action).get(10, TimeUnit.SECONDS);
    }

    private void waitUntil(java.util.function.BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!onMain(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(5); // the retry timer fires on its own thread; nothing to wait on directly
        }
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }
}
