package dev.spindle.runtime.resourcemanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MemorySize;
import dev.spindle.api.JobID;
import dev.spindle.runtime.rpc.RpcClients;
import dev.spindle.runtime.security.ClusterSecret;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ResourceManagerTest {

    private final RecordingDriver driver = new RecordingDriver();
    private final RpcClients clients = new RpcClients(ClusterSecret.generate(), 1 << 20);
    private ResourceManager rm;

    private ResourceManager start(String... kv) throws Exception {
        Configuration conf = new Configuration();
        conf.setString("taskmanager.numberOfTaskSlots", "2");
        conf.setString("taskmanager.memory.process.size", "1536m");
        conf.setString("taskmanager.cpu.cores", "3");
        for (int i = 0; i < kv.length; i += 2) {
            conf.setString(kv[i], kv[i + 1]);
        }
        rm = new ResourceManager(conf, driver, clients);
        rm.start(new ClusterAddresses("127.0.0.1", 1, "http://127.0.0.1:1"));
        return rm;
    }

    @AfterEach
    void stop() {
        if (rm != null) {
            rm.close();
            assertTrue(driver.terminated);
        }
        clients.close();
    }

    @Test
    void workersAreRequestedWithTheConfiguredSpecAndReleasedWhenTheyNeverRegister() throws Exception {
        start("resourcemanager.taskmanager-registration.timeout", "200 ms");
        JobID job = new JobID();
        rm.registerJobMaster(job, "127.0.0.1", 1, (te, cause) -> { });
        rm.requestSlots(job, 3);

        WorkerResourceSpec spec = driver.requested.poll(5, TimeUnit.SECONDS);
        assertEquals(new WorkerResourceSpec(MemorySize.parse("1536m"), 3, 2), spec);
        driver.requested.poll(5, TimeUnit.SECONDS);
        assertEquals(0, driver.requested.size(), "3 slots need ceil(3 / 2) = 2 workers");

        // neither registers: both are released, and replacements are asked for
        List<ResourceID> released = List.of(driver.released.poll(5, TimeUnit.SECONDS), driver.released.poll(5, TimeUnit.SECONDS));
        assertTrue(released.contains(new ResourceID("worker-1")) && released.contains(new ResourceID("worker-2")), released.toString());
        assertEquals(spec, driver.requested.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void aTerminatedWorkerFailsItsJobsWithTheDriversDiagnostics() throws Exception {
        start();
        JobID job = new JobID();
        List<String> lost = new CopyOnWriteArrayList<>();
        rm.registerJobMaster(job, "127.0.0.1", 1, (te, cause) -> lost.add(te + ": " + cause));
        rm.call(() -> rm.registerTaskExecutor(new ResourceID("te-1"), "127.0.0.1", 1, 2));
        rm.requestSlots(job, 1);
        // the slot is now allocated to the job in the resource manager's view
        long deadline = System.currentTimeMillis() + 5000;
        while (rm.listTaskExecutors().get().get(0).slotsFree() == 2 && System.currentTimeMillis() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        driver.mainThread.execute(() -> driver.handler.onWorkerTerminated(new ResourceID("te-1"),
                "killed for exceeding physical memory: raise taskmanager.memory.process.size"));
        deadline = System.currentTimeMillis() + 5000;
        while (lost.isEmpty() && System.currentTimeMillis() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        assertEquals(List.of("te-1: worker te-1 terminated: killed for exceeding physical memory: raise taskmanager.memory.process.size"), lost);
        assertTrue(rm.listTaskExecutors().get().isEmpty());
    }

    @Test
    void aDriverErrorEndsTheClusterThroughTheFatalErrorFuture() throws Exception {
        start();
        assertTrue(!rm.fatalError().isDone());
        IllegalStateException cause = new AttemptEndedByClusterException("the cluster ended this attempt");
        driver.mainThread.execute(() -> driver.handler.onError(cause));
        assertEquals(cause, rm.fatalError().get(5, TimeUnit.SECONDS));
        driver.mainThread.execute(() -> driver.handler.onError(new IllegalStateException("later")));
        rm.call(() -> null);
        assertEquals(cause, rm.fatalError().get(), "the first error is the cause");
    }

    @Test
    void releasedWorkersAreForgottenAfterTheRegistrationTimeout() throws Exception {
        start("resourcemanager.taskmanager-registration.timeout", "200 ms");
        JobID job = new JobID();
        rm.registerJobMaster(job, "127.0.0.1", 1, (te, cause) -> { });
        rm.requestSlots(job, 1);
        ResourceID released = driver.released.poll(5, TimeUnit.SECONDS);
        assertEquals(new ResourceID("worker-1"), released);
        // Still refused right after its release ...
        assertTrue(!rm.call(() -> rm.registerTaskExecutor(released, "127.0.0.1", 1, 2)).getAccepted());
        rm.unregisterJobMaster(job);
        // ... and no longer remembered once the registration timeout passed: a session does not
        // collect every worker it ever released.
        long deadline = System.currentTimeMillis() + 5000;
        while (rm.releasedWorkerCount() > 0 && System.currentTimeMillis() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20); // the resource manager's periodic timeout check runs on its own schedule
        }
        assertEquals(0, rm.releasedWorkerCount());
    }

    @Test
    void theDriversLastWorkerCountsAreKeptForTheOverview() throws Exception {
        start();
        assertEquals(WorkerCounts.NONE, rm.driverWorkerCounts(), "nothing reported yet");
        rm.call(() -> {
            driver.handler.onWorkerCountsChanged(new WorkerCounts(2, 1, 0));
            driver.handler.onWorkerCountsChanged(new WorkerCounts(2, 2, 1));
            return null;
        });
        assertEquals(new WorkerCounts(2, 2, 1), rm.driverWorkerCounts());
    }

    @Test
    void workersStartedAheadServeTheJobWithoutDuplicatesAndUnusedOnesAreReleasedWhenIdle() throws Exception {
        start("resourcemanager.taskmanager-timeout", "200 ms");
        rm.startWorkersAhead(3);
        driver.requested.poll(5, TimeUnit.SECONDS);
        driver.requested.poll(5, TimeUnit.SECONDS);
        JobID job = new JobID();
        rm.registerJobMaster(job, "127.0.0.1", 1, (te, cause) -> { });
        rm.requestSlots(job, 4);
        rm.call(() -> null); // the request is handled on the main thread
        assertEquals(0, driver.requested.size(), "4 slots come with the 2 workers already on their way");
        rm.requestSlots(job, 1);
        assertEquals(new WorkerResourceSpec(MemorySize.parse("1536m"), 3, 2), driver.requested.poll(5, TimeUnit.SECONDS));
        rm.unregisterJobMaster(job);

        // a worker started ahead that no job needs registers, stays idle and is released
        rm.call(() -> rm.registerTaskExecutor(new ResourceID("worker-1"), "127.0.0.1", 1, 2));
        assertEquals(new ResourceID("worker-1"), driver.released.poll(5, TimeUnit.SECONDS));
    }
}
