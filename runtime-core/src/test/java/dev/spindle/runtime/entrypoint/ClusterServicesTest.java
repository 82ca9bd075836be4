package dev.spindle.runtime.entrypoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.api.JobExecutionResult;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.dispatcher.DispatcherPipelineExecutor;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.minicluster.TestJobs;
import dev.spindle.runtime.resourcemanager.ApplicationStatus;
import dev.spindle.runtime.resourcemanager.RecordingDriver;
import dev.spindle.runtime.resourcemanager.ResourceID;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.runtime.taskexecutor.TaskExecutor;
import dev.spindle.runtime.taskexecutor.TaskExecutorRunner;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import dev.spindle.runtime.rest.RestHttpClients;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The services as an ApplicationMaster hosts them, with a TaskExecutor started the way a container starts it. */
@Timeout(60)
class ClusterServicesTest {

    @Test
    void aTaskExecutorRunnerRegistersRunsJobsAndTheClusterShutsDownCleanly() throws Exception {
        Configuration conf = new Configuration();
        conf.setString("taskmanager.numberOfTaskSlots", "2");
        conf.setString("heartbeat.interval", "100 ms");
        conf.setString("heartbeat.timeout", "1 s");
        conf.setString("taskmanager.host", "127.0.0.1");
        ClusterSecret secret = ClusterSecret.generate();
        RecordingDriver driver = new RecordingDriver();
        ClusterServices services = ClusterServicesFactory.start(conf, driver, secret, "127.0.0.1");
        String restUrl = services.getRestUrl();
        assertEquals(restUrl, driver.addresses.restUrl(), "the driver learns the tracking URL");
        assertEquals(services.getRpcPort(), driver.addresses.rpcPort());

        CompletableFuture<Integer> exitCode = CompletableFuture.supplyAsync(() -> {
            try {
                return TaskExecutorRunner.runTaskExecutor(conf, new ResourceID("container_01"), services.getRpcHost(), services.getRpcPort(),
                        secret);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        var rm = ((DefaultClusterServices) services).getResourceManager();
        long deadline = System.currentTimeMillis() + 10_000;
        while (rm.listTaskExecutors().get().isEmpty()) {
            assertTrue(System.currentTimeMillis() < deadline, "the TaskExecutor did not register");
            TimeUnit.MILLISECONDS.sleep(20);
        }

        JobGraph job = TestJobs.sourceToSink("in-am", 2, 2, ShipStrategy.REBALANCE, "n=5000", "", new Configuration());
        JobExecutionResult result = new DispatcherPipelineExecutor(services.getDispatcher()).submit(job, new Configuration(),
                getClass().getClassLoader()).getJobExecutionResult().get(30, TimeUnit.SECONDS);
        assertEquals(TestJobs.expectedSum(5000), (Long) result.getAccumulatorResult("sum"));
        assertTrue(driver.requested.isEmpty(), "the registered TaskExecutor's slots sufficed");

        services.shutDown(ApplicationStatus.SUCCEEDED, "all done");
        assertEquals("SUCCEEDED: all done", driver.deregistrations.poll(5, TimeUnit.SECONDS));
        assertTrue(driver.terminated);
        assertEquals(TaskExecutor.EXIT_LOST_RESOURCE_MANAGER, exitCode.get(10, TimeUnit.SECONDS));
        assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(restUrl + "/v1/overview"))
                .header("Authorization", "Bearer " + secret.toBase64()).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aClusterShutdownRequestCancelsRunningJobsInEveryMode() throws Exception {
        // As in per-job or application mode: a job runs (here: waits for slots) and nothing but the
        // job's end would end the application. DELETE /v1/cluster must end it.
        Configuration conf = new Configuration();
        ClusterSecret secret = ClusterSecret.generate();
        RecordingDriver driver = new RecordingDriver();
        ClusterServices services = ClusterServicesFactory.start(conf, driver, secret, "127.0.0.1");
        try {
            JobGraph job = TestJobs.sourceToSink("shut-down", 1, 1, ShipStrategy.REBALANCE, "n=10", "", new Configuration());
            var jobId = services.getDispatcher().submitJob(job).get(10, TimeUnit.SECONDS);

            HttpResponse<String> response = RestHttpClients.builder(secret, URI.create(services.getRestUrl())).build()
                    .send(HttpRequest.newBuilder(URI.create(services.getRestUrl() + "/v1/cluster")).DELETE()
                    .header("Authorization", "Bearer " + secret.toBase64()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, response.statusCode(), response.body());

            assertEquals(dev.spindle.api.JobStatus.CANCELED,
                    services.getDispatcher().requestJobResult(jobId).get(20, TimeUnit.SECONDS).status());
            assertEquals(ApplicationStatus.SUCCEEDED, services.getShutDownFuture().get(1, TimeUnit.SECONDS));
        } finally {
            services.close();
        }
    }

    @Test
    void aJobThatGetsNoSlotsFailsSayingWhatItNeedsAndWhatTheClusterHas() throws Exception {
        Configuration conf = new Configuration();
        conf.setString("slot.request.timeout", "300 ms");
        RecordingDriver driver = new RecordingDriver();
        try (ClusterServices services = ClusterServicesFactory.start(conf, driver, ClusterSecret.generate(), "127.0.0.1")) {
            JobGraph job = TestJobs.sourceToSink("starved", 3, 3, ShipStrategy.FORWARD, "n=10", "", new Configuration());
            var client = new DispatcherPipelineExecutor(services.getDispatcher()).submit(job, new Configuration(), getClass().getClassLoader());
            var e = assertThrows(java.util.concurrent.ExecutionException.class, () -> client.getJobExecutionResult().get(10, TimeUnit.SECONDS));
            String message = e.getCause().getMessage();
            assertTrue(message.contains("NoResourceAvailableException") && message.contains("needs 3 slots") && message.contains("got 0")
                    && message.contains("0 TaskExecutors") && message.contains("slot.request.timeout"), message);
            assertEquals(3, driver.requested.size(), "the resource manager asked for workers (1 slot each by default)");
        }
    }
}
