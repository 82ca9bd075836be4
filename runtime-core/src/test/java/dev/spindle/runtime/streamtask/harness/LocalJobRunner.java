package dev.spindle.runtime.streamtask.harness;

import dev.spindle.api.JobClient;
import dev.spindle.api.JobExecutionException;
import dev.spindle.api.JobExecutionResult;
import dev.spindle.api.JobStatus;
import dev.spindle.api.accumulators.Accumulator;
import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.execution.TranslatingPipelineExecutor;
import dev.spindle.runtime.jobgraph.JobEdge;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobVertex;
import dev.spindle.runtime.jobgraph.JobVertexID;
import dev.spindle.runtime.jobgraph.ShipStrategy;
import dev.spindle.runtime.task.TaskInvokable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test harness: runs every subtask of a job graph as a thread of this JVM, connected by bounded
 * in-memory queues. The first failure cancels the other subtasks and fails the job with the
 * root cause. No restarts; the attempt number is fixed per runner.
 */
public final class LocalJobRunner extends TranslatingPipelineExecutor {

    private final int queueCapacity;
    private final int attemptNumber;
    private volatile RunningJob lastJob;

    public LocalJobRunner() {
        this(8, 0);
    }

    public LocalJobRunner(int queueCapacity, int attemptNumber) {
        this.queueCapacity = queueCapacity;
        this.attemptNumber = attemptNumber;
    }

    public RunningJob lastJob() {
        return lastJob;
    }

    @Override
    public JobClient submit(JobGraph jobGraph, Configuration configuration, ClassLoader userClassLoader) throws Exception {
        RunningJob job = new RunningJob(jobGraph, userClassLoader == null ? getClass().getClassLoader() : userClassLoader);
        lastJob = job;
        job.start();
        return job;
    }

    /** A job being run by the harness. */
    public final class RunningJob implements JobClient {

        private final JobGraph jobGraph;
        private final Map<JobVertexID, List<HarnessTaskEnvironment>> environments = new LinkedHashMap<>();
        private final List<TaskInvokable> invokables = new ArrayList<>();
        private final List<Thread> threads = new ArrayList<>();
        private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        private final CompletableFuture<JobExecutionResult> result = new CompletableFuture<>();
        private volatile boolean canceled;
        private volatile JobStatus status = JobStatus.CREATED;
        private final long startMillis = System.currentTimeMillis();

        RunningJob(JobGraph jobGraph, ClassLoader classLoader) throws Exception {
            this.jobGraph = jobGraph;
            for (JobVertex v : jobGraph.getVertices()) {
                List<HarnessTaskEnvironment> envs = new ArrayList<>();
                for (int i = 0; i < v.getParallelism(); i++) {
                    envs.add(new HarnessTaskEnvironment(jobGraph, v, i, attemptNumber, classLoader));
                }
                environments.put(v.getId(), envs);
            }
            // Gates first, in input edge order of each target; then writers in output edge order of each source.
            Map<JobEdge, List<QueueInputGate>> gatesOfEdge = new HashMap<>();
            for (JobVertex v : jobGraph.getVertices()) {
                for (JobEdge e : jobGraph.getInputEdges(v.getId())) {
                    int producers = jobGraph.vertex(e.source()).getParallelism();
                    List<QueueInputGate> gates = new ArrayList<>();
                    for (HarnessTaskEnvironment env : environments.get(v.getId())) {
                        QueueInputGate gate = new QueueInputGate(e.shipStrategy() == ShipStrategy.FORWARD ? 1 : producers,
                                queueCapacity * Math.max(1, producers));
                        env.gates.add(gate);
                        gates.add(gate);
                    }
                    gatesOfEdge.put(e, gates);
                }
            }
            for (JobVertex v : jobGraph.getVertices()) {
                for (JobEdge e : jobGraph.getOutputEdges(v.getId())) {
                    List<QueueInputGate> gates = gatesOfEdge.get(e);
                    List<HarnessTaskEnvironment> envs = environments.get(v.getId());
                    for (int i = 0; i < envs.size(); i++) {
                        envs.get(i).writers.add(e.shipStrategy() == ShipStrategy.FORWARD
                                ? new QueuePartitionWriter(List.of(gates.get(i)), 0)
                                : new QueuePartitionWriter(gates, i));
                    }
                }
            }
            for (JobVertex v : jobGraph.getVertices()) {
                for (HarnessTaskEnvironment env : environments.get(v.getId())) {
                    TaskInvokable invokable = (TaskInvokable) Class.forName(v.getInvokableClassName(), true, classLoader)
                            .getDeclaredConstructor().newInstance();
                    invokables.add(invokable);
                    Thread t = new Thread(() -> runTask(invokable, env), v.getName() + " (" + (env.getSubtaskIndex() + 1) + "/"
                            + v.getParallelism() + ")");
                    t.setContextClassLoader(classLoader);
                    threads.add(t);
                }
            }
        }

        private void runTask(TaskInvokable invokable, HarnessTaskEnvironment env) {
            try {
                invokable.invoke(env);
            } catch (Throwable t) {
                if (firstFailure.compareAndSet(null, t)) {
                    cancelAll();
                }
            }
        }

        void start() {
            status = JobStatus.RUNNING;
            for (Thread t : threads) {
                t.start();
            }
            Thread waiter = new Thread(this::awaitEnd, "harness-waiter " + jobGraph.getName());
            waiter.setDaemon(true);
            waiter.start();
        }

        private void awaitEnd() {
            try {
                for (Thread t : threads) {
                    t.join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Throwable failure = firstFailure.get();
            if (canceled) {
                status = JobStatus.CANCELED;
                result.completeExceptionally(new JobExecutionException(jobGraph.getJobId(), JobStatus.CANCELED, "Job was canceled", failure));
            } else if (failure != null) {
                status = JobStatus.FAILED;
                result.completeExceptionally(new JobExecutionException(jobGraph.getJobId(), JobStatus.FAILED,
                        "Job '" + jobGraph.getName() + "' failed", rootCause(failure)));
            } else {
                status = JobStatus.FINISHED;
                result.complete(new JobExecutionResult(jobGraph.getJobId(), System.currentTimeMillis() - startMillis, mergedAccumulators()));
            }
        }

        private static Throwable rootCause(Throwable t) {
            Throwable c = t;
            while (c.getCause() != null && c.getCause() != c) {
                c = c.getCause();
            }
            return c;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Map<String, Object> mergedAccumulators() {
            Map<String, Accumulator> merged = new HashMap<>();
            for (List<HarnessTaskEnvironment> envs : environments.values()) {
                for (HarnessTaskEnvironment env : envs) {
                    env.getAccumulatorRegistry().snapshot().forEach((name, acc) -> {
                        Accumulator existing = merged.get(name);
                        if (existing == null) {
                            merged.put(name, acc.clone());
                        } else {
                            existing.merge(acc);
                        }
                    });
                }
            }
            Map<String, Object> values = new HashMap<>();
            merged.forEach((k, v) -> values.put(k, v.getLocalValue()));
            return values;
        }

        private void cancelAll() {
            for (TaskInvokable i : invokables) {
                i.cancel();
            }
            for (Thread t : threads) {
                t.interrupt();
            }
        }

        /** The job graph this job runs. */
        public JobGraph jobGraph() {
            return jobGraph;
        }

        public Map<JobVertexID, List<HarnessTaskEnvironment>> environments() {
            return environments;
        }

        @Override
        public dev.spindle.api.JobID getJobId() {
            return jobGraph.getJobId();
        }

        @Override
        public CompletableFuture<JobStatus> getJobStatus() {
            return CompletableFuture.completedFuture(status);
        }

        @Override
        public CompletableFuture<Void> cancel() {
            canceled = true;
            status = JobStatus.CANCELLING;
            cancelAll();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<JobExecutionResult> getJobExecutionResult() {
            return result;
        }
    }

}
