package dev.spindle.runtime.minicluster;

import dev.spindle.api.JobClient;
import dev.spindle.api.JobExecutionResult;
import dev.spindle.api.JobStatus;
import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.MiniClusterOptions;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.runtime.dispatcher.DispatcherJobClient;
import dev.spindle.runtime.execution.TranslatingPipelineExecutor;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.api.JobID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job on an in-process MiniCluster (TaskExecutors as threads, real RPC over loopback),
 * started for the job and stopped when it ends. The default executor of a program run outside any
 * cluster.
 */
public final class MiniClusterExecutor extends TranslatingPipelineExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(MiniClusterExecutor.class);

    @Override
    public JobClient submit(JobGraph jobGraph, Configuration configuration, ClassLoader userClassLoader) throws Exception {
        Configuration conf = new Configuration(configuration);
        int taskExecutors = Math.max(1, conf.get(MiniClusterOptions.NUM_TASK_EXECUTORS));
        conf.set(MiniClusterOptions.NUM_TASK_EXECUTORS, taskExecutors);
        if (!conf.contains(TaskManagerOptions.NUM_TASK_SLOTS)) {
            // size the cluster for the job: its largest parallelism spread over the TaskExecutors
            int needed = Math.max(1, jobGraph.getMaxParallelism());
            conf.set(TaskManagerOptions.NUM_TASK_SLOTS, (needed + taskExecutors - 1) / taskExecutors);
        }
        MiniCluster cluster = new MiniCluster(conf).start();
        try {
            cluster.getDispatcher().submitJob(jobGraph).get();
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
        DispatcherJobClient client = new DispatcherJobClient(cluster.getDispatcher(), jobGraph.getJobId());
        CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
        client.getJobExecutionResult().whenComplete((r, t) -> {
            Thread stopper = new Thread(() -> {
                try {
                    cluster.close();
                } catch (Exception e) {
                    LOG.warn("Stopping the MiniCluster failed: {}", e.toString());
                }
                if (t != null) {
                    result.completeExceptionally(t instanceof java.util.concurrent.CompletionException && t.getCause() != null ? t.getCause() : t);
                } else {
                    result.complete(r);
                }
            }, "minicluster-shutdown");
            stopper.start();
        });
        return new JobClient() {
            @Override
            public JobID getJobId() {
                return jobGraph.getJobId();
            }

            @Override
            public CompletableFuture<JobStatus> getJobStatus() {
                return result.isDone() ? client.getJobStatus().exceptionally(t -> null).thenCompose(s -> s != null
                        ? CompletableFuture.completedFuture(s) : finalStatus()) : client.getJobStatus();
            }

            private CompletableFuture<JobStatus> finalStatus() {
                return result.handle((r, t) -> t == null ? JobStatus.FINISHED
                        : t instanceof dev.spindle.api.JobExecutionException j ? j.getFinalStatus() : JobStatus.FAILED);
            }

            @Override
            public CompletableFuture<Void> cancel() {
                return result.isDone() ? CompletableFuture.completedFuture(null) : client.cancel();
            }

            @Override
            public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
                return result;
            }
        };
    }
}
