package dev.spindle.runtime.taskexecutor;

import dev.spindle.runtime.rpc.proto.Ack;
import dev.spindle.runtime.rpc.proto.FinalCommitRequest;
import dev.spindle.runtime.rpc.proto.JobMasterServiceGrpc;
import dev.spindle.runtime.task.FinalCommitFence;
import io.grpc.Channel;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the job master that deployed a task for its final commit, for as long as the job master may
 * still be alive (heartbeat.timeout): after that the task's TaskExecutor gives it up anyway. Only a
 * definite grant lets the sink commit; a refusal, silence or a cancel fails the task uncommitted.
 */
final class JobMasterFinalCommitFence implements FinalCommitFence {

    private static final Logger LOG = LoggerFactory.getLogger(JobMasterFinalCommitFence.class);
    private static final long RETRY_PAUSE_MILLIS = 200;

    private final String task;
    private final FinalCommitRequest request;
    private final Supplier<Channel> jobMaster;
    private final long rpcTimeoutMillis;
    private final long patienceMillis;
    private volatile boolean granted;

    /**
     * @param task the task as logs name it
     * @param patienceMillis how long a silent job master is asked again before the task fails
     */
    JobMasterFinalCommitFence(String task, FinalCommitRequest request, Supplier<Channel> jobMaster, long rpcTimeoutMillis,
            long patienceMillis) {
        this.task = task;
        this.request = request;
        this.jobMaster = jobMaster;
        this.rpcTimeoutMillis = rpcTimeoutMillis;
        this.patienceMillis = patienceMillis;
    }

    @Override
    public void awaitPermission() throws Exception {
        if (granted) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(patienceMillis);
        RuntimeException last = null;
        int tries = 0;
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException(task + " was canceled while it waited for permission to commit its output");
            }
            tries++;
            try {
                Ack ack = JobMasterServiceGrpc.newBlockingStub(jobMaster.get())
                        .withDeadlineAfter(rpcTimeoutMillis, TimeUnit.MILLISECONDS).requestFinalCommit(request);
                if (!ack.getAccepted()) {
                    throw new FinalCommitRefusedException(task + " may not commit its output: its job master refused (" + ack.getMessage()
                            + "); the output it wrote is discarded");
                }
                granted = true;
                LOG.info("{} may commit its output: granted by its job master{}", task, tries > 1 ? " after " + tries + " tries" : "");
                return;
            } catch (FinalCommitRefusedException refused) {
                throw refused;
            } catch (RuntimeException e) {
                if (last == null) {
                    LOG.warn("{} waits for its job master's permission to commit its output ({}); asking again for up to {} ms",
                            task, e.toString(), patienceMillis);
                }
                last = e;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException(task + " was canceled while it waited for permission to commit its output");
            }
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(RETRY_PAUSE_MILLIS) > deadline) {
                throw new FinalCommitRefusedException(task + " may not commit its output: its job master did not answer for "
                        + patienceMillis + " ms (heartbeat.timeout), it may be gone; the output it wrote is discarded. Last error: "
                        + last);
            }
            Thread.sleep(RETRY_PAUSE_MILLIS);
        }
    }

    /** The job master refused the commit or could not be asked: the task fails and commits nothing. */
    static final class FinalCommitRefusedException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        FinalCommitRefusedException(String message) {
            super(message);
        }
    }
}
