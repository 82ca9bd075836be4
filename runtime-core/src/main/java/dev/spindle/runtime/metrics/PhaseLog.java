package dev.spindle.runtime.metrics;

import java.lang.management.ManagementFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per deployment phase ({@code phase=<name> at=<epoch ms> <ids>}) on a logger of its
 * own, so that a benchmark (or a user asking where startup time goes) can line up the client's,
 * the ApplicationMaster's and the TaskExecutors' logs on one wall-clock timeline.
 */
public final class PhaseLog {

    /** The logger every phase line goes to. */
    public static final String LOGGER_NAME = "dev.spindle.phase";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER_NAME);

    private PhaseLog() {
    }

    /** Marks {@code phase} as reached now; {@code ids} names what it is about (app, container, job). */
    public static void mark(String phase, String ids) {
        at(phase, System.currentTimeMillis(), ids);
    }

    /** Marks {@code phase} as reached when this JVM started (its launch, before any class loaded). */
    public static void markJvmStart(String phase, String ids) {
        at(phase, ManagementFactory.getRuntimeMXBean().getStartTime(), ids);
    }

    private static void at(String phase, long epochMillis, String ids) {
        LOG.info("phase={} at={} {}", phase, epochMillis, ids == null ? "" : ids);
    }
}
