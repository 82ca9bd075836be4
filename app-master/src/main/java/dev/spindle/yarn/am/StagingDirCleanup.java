package dev.spindle.yarn.am;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.util.ShutdownHookManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes this application's staging dir exactly once: after the AM unregistered, or, when the
 * process is being ended from outside (SIGTERM from {@code yarn application -kill} or YARN ending
 * the attempt), from a bounded shutdown hook if this is the application's final attempt. A later
 * attempt still needs the dir to localize, so an earlier attempt leaves it; the client-side sweep
 * removes what an ended application left.
 */
final class StagingDirCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(StagingDirCleanup.class);
    /**
     * The NodeManager sends SIGKILL shortly after SIGTERM (yarn.nodemanager.sleep-delay-before-sigkill.ms):
     * the hook must not hold the JVM longer than a single delete takes.
     */
    static final long HOOK_BOUND_MILLIS = 2_000;

    private final Configuration hadoopConf;
    private final Optional<String> stagingDir;
    private final String appDescription;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile boolean finalAttempt;

    StagingDirCleanup(Configuration hadoopConf, Optional<String> stagingDir, String appDescription) {
        this.hadoopConf = hadoopConf;
        this.stagingDir = stagingDir;
        this.appDescription = appDescription;
    }

    /** Whether the running attempt is the application's last one (known once the spec is read). */
    void setFinalAttempt(boolean finalAttempt) {
        this.finalAttempt = finalAttempt;
    }

    /**
     * Removes the dir when the JVM is ended before {@link #afterEnd} ran, on the final attempt only.
     * Through Hadoop's hook manager, ahead of its file system cache closer (which would otherwise
     * close the client under the delete) and bounded by its per-hook timeout.
     */
    void armShutdownHook() {
        ShutdownHookManager.get().addShutdownHook(this::onShutdown, FileSystem.SHUTDOWN_HOOK_PRIORITY + 10,
                HOOK_BOUND_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * The AM's work is over: remove the dir when the application ended (unregistered) or when no
     * further attempt can follow; otherwise leave it for the next attempt.
     */
    void afterEnd(boolean unregistered) {
        if (unregistered || finalAttempt) {
            remove(unregistered ? "the application ended" : "this was the final attempt");
        } else {
            done.set(true);
            LOG.info("{} did not unregister and is not the final attempt: its staging dir stays for the next attempt",
                    appDescription);
        }
    }

    private void onShutdown() {
        if (done.get()) {
            return;
        }
        if (!finalAttempt) {
            LOG.info("{} is being stopped and is not the final attempt: its staging dir stays for the next attempt",
                    appDescription);
            return;
        }
        remove("the ApplicationMaster process is being stopped");
    }

    private void remove(String why) {
        if (!done.compareAndSet(false, true)) {
            return;
        }
        if (stagingDir.isEmpty()) {
            LOG.warn("The launch spec of {} names no staging dir; the next deployment or 'spindle clean' removes it",
                    appDescription);
            return;
        }
        Path path = new Path(stagingDir.get());
        // A fresh instance: user code may have closed the cached one, and a shutdown hook may race Hadoop's own.
        try (FileSystem fs = FileSystem.newInstance(path.toUri(), hadoopConf)) {
            if (fs.delete(path, true)) {
                LOG.info("Removed staging dir {} of {} ({})", path, appDescription, why);
            } else {
                LOG.warn("Staging dir {} of {} was already gone", path, appDescription);
            }
        } catch (Exception e) {
            LOG.warn("Could not remove staging dir {} of {}; the next deployment or 'spindle clean' will: {}", path,
                    appDescription, e.toString());
        }
    }

    /** For tests: whether the hook would still act. */
    boolean isDone() {
        return done.get();
    }
}
