package dev.spindle.it.yarn;

import java.util.concurrent.TimeUnit;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.client.api.YarnClient;

/** Waits on a YARN application's observable ends; YARN and HDFS offer no notifications, so these poll. */
final class YarnApps {

    /**
     * How long after YARN reports the end the AM process may still be removing its staging dir: it
     * unregisters first (so that a failed unregister leaves the dir for a retry attempt), then deletes.
     */
    private static final long STAGING_REMOVAL_SECONDS = 30;

    private YarnApps() {
    }

    static boolean ended(ApplicationReport report) {
        return switch (report.getYarnApplicationState()) {
            case FINISHED, FAILED, KILLED -> true;
            default -> false;
        };
    }

    /** The final report; the test class timeout bounds the wait. */
    static ApplicationReport waitForEnd(YarnClient yarn, ApplicationId appId) throws Exception {
        while (true) {
            ApplicationReport report = yarn.getApplicationReport(appId);
            if (ended(report)) {
                return report;
            }
            Thread.sleep(100);
        }
    }

    /** Where the client stages an application's files (its staging dir on HDFS). */
    static Path stagingDir(FileSystem fs, ApplicationId appId) {
        return new Path(stagingRoot(fs), appId.toString());
    }

    /** The dir holding every application's staging dir. */
    static Path stagingRoot(FileSystem fs) {
        return fs.makeQualified(new Path(fs.getHomeDirectory(), ".spindle"));
    }

    /**
     * Names of the staging dirs there now, sorted: application ids, including those of uploads
     * that never became an application.
     */
    static java.util.List<String> stagingDirNames(FileSystem fs) {
        try {
            Path root = stagingRoot(fs);
            if (!fs.exists(root)) {
                return java.util.List.of();
            }
            return java.util.Arrays.stream(fs.listStatus(root)).map(s -> s.getPath().getName())
                    .filter(n -> n.startsWith("application_")).sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** {@link FileSystem#exists} for conditions polled in lambdas. */
    static boolean exists(FileSystem fs, Path path) {
        try {
            return fs.exists(path);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Polls until the condition holds; fails naming what did not happen within the bound. */
    static void waitUntil(java.util.function.BooleanSupplier condition, int seconds, java.util.function.Supplier<String> what)
            throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + seconds + " s: " + what.get());
            }
            Thread.sleep(100);
        }
    }

    /** Whether the path is gone, or goes within the bound in which an ended AM finishes its cleanup. */
    static boolean removedSoon(FileSystem fs, Path path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STAGING_REMOVAL_SECONDS);
        while (fs.exists(path)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    /** Whether a file whose name starts with {@code prefix} is somewhere under {@code dir} (e.g. a checkpoint's _metadata). */
    static boolean hasFile(FileSystem fs, Path dir, String prefix) {
        try {
            if (!fs.exists(dir)) {
                return false;
            }
            org.apache.hadoop.fs.RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> files = fs.listFiles(dir, true);
            while (files.hasNext()) {
                if (files.next().getPath().getName().startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        } catch (java.io.FileNotFoundException e) {
            return false; // a checkpoint directory vanished (subsumed) during the walk
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
