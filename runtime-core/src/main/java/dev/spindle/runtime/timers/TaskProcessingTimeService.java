package dev.spindle.runtime.timers;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A task's {@link ProcessingTimeService}: one scheduler thread that, when a timer is due, hands its
 * callback to the task's executor (the input loop's mailbox, or a source's lock), so operators
 * only ever run in one thread at a time. Callback failures go to {@code onFailure} to fail the task.
 */
public final class TaskProcessingTimeService implements ProcessingTimeService {

    private final ScheduledThreadPoolExecutor scheduler;
    private final Executor taskExecutor;
    private final Consumer<Throwable> onFailure;
    private volatile boolean shutDown;

    public TaskProcessingTimeService(String taskName, Executor taskExecutor, Consumer<Throwable> onFailure) {
        this.taskExecutor = taskExecutor;
        this.onFailure = onFailure;
        this.scheduler = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "timers " + taskName);
            t.setDaemon(true);
            return t;
        });
        scheduler.setRemoveOnCancelPolicy(true);
        scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public long getCurrentProcessingTime() {
        return System.currentTimeMillis();
    }

    @Override
    public Future<?> registerTimer(long time, ProcessingTimeCallback callback) {
        long delay = Math.max(0, time - getCurrentProcessingTime());
        try {
            return scheduler.schedule(() -> deliver(time, callback), delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException ended) {
            // the task is ending: its timers no longer fire
            java.util.concurrent.CompletableFuture<Void> none = new java.util.concurrent.CompletableFuture<>();
            none.cancel(false);
            return none;
        }
    }

    private void deliver(long time, ProcessingTimeCallback callback) {
        if (shutDown) {
            return;
        }
        try {
            taskExecutor.execute(() -> {
                if (shutDown) {
                    return;
                }
                try {
                    callback.onProcessingTime(time);
                } catch (Exception e) {
                    throw new TimerException("processing-time timer at " + time + " failed: " + e, e);
                }
            });
        } catch (Throwable t) {
            onFailure.accept(t instanceof TimerException te ? te.getCause() : t);
        }
    }

    /** Stops all timers; with {@code wait}, until a callback in progress on the scheduler thread returned. */
    public void shutdown(boolean wait) throws InterruptedException {
        shutDown = true;
        scheduler.shutdownNow();
        if (wait) {
            scheduler.awaitTermination(60, TimeUnit.SECONDS);
        }
    }

    /** Carries a callback's checked exception out of the executor. */
    static final class TimerException extends RuntimeException {
        TimerException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
