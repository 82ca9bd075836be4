package dev.spindle.yarn.client.staging;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.security.UserGroupInformation;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what ended applications left under the staging root: an AM killed by YARN or expired,
 * or a client killed mid-deploy, cannot always clean up after itself; the next deployment from
 * the same root (or {@code spindle clean}) does.
 *
 * <p>Never a live application's dir: a dir is removed when the ResourceManager reports its
 * application ended, or when the ResourceManager does not know the application and nothing in
 * the dir changed for the minimum age. An unknown application may be one whose client is still
 * uploading (it is submitted only afterwards) or one run by another ResourceManager sharing the
 * file system, so "unknown" alone is no proof of an end. Jar-cache uploads left half-done
 * ({@code .tmp}) are removed after the same age.
 */
public final class StagingSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(StagingSweeper.class);
    private static final EnumSet<YarnApplicationState> ENDED =
            EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    /** What the ResourceManager says about an application; empty when it does not know it. */
    public interface ApplicationStates {
        Optional<YarnApplicationState> stateOf(ApplicationId appId) throws IOException;
    }

    private final ApplicationStates states;
    private final FileSystem fs;
    private final Duration minAge;
    private final LongSupplier clock;

    public StagingSweeper(YarnClient yarnClient, FileSystem fs, Duration minAge) {
        this(appId -> stateFromRm(yarnClient, appId), fs, minAge, System::currentTimeMillis);
    }

    StagingSweeper(ApplicationStates states, FileSystem fs, Duration minAge, LongSupplier clock) {
        this.states = states;
        this.fs = fs;
        this.minAge = minAge;
        this.clock = clock;
    }

    /** Removes staging dirs under {@code root} of ended applications and stale jar-cache uploads; returns what it removed. */
    public List<Path> sweep(Path root) throws IOException {
        return sweep(root, null);
    }

    /**
     * As {@link #sweep(Path)}, never touching the dir of {@code deploying} (null: none): a deployment
     * that sweeps while it stages is unknown to the ResourceManager until it submits.
     */
    public List<Path> sweep(Path root, ApplicationId deploying) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!fs.exists(root)) {
            return removed;
        }
        for (FileStatus dir : fs.listStatus(root)) {
            if (!dir.isDirectory()) {
                continue;
            }
            if (dir.getPath().getName().equals(FrameworkJarCache.DIR_NAME)) {
                sweepCacheUploads(dir.getPath(), removed);
                continue;
            }
            ApplicationId appId;
            try {
                appId = ApplicationId.fromString(dir.getPath().getName());
            } catch (IllegalArgumentException e) {
                continue; // not ours to judge
            }
            if (appId.equals(deploying)) {
                continue;
            }
            String why = removalReason(appId, dir.getPath());
            if (why != null && fs.delete(dir.getPath(), true)) {
                LOG.info("Removed staging dir {} of application {} ({})", dir.getPath(), appId, why);
                removed.add(dir.getPath());
            }
        }
        return removed;
    }

    private String removalReason(ApplicationId appId, Path dir) throws IOException {
        Optional<YarnApplicationState> state = states.stateOf(appId);
        if (state.isPresent()) {
            return ENDED.contains(state.get()) ? "application " + state.get() : null;
        }
        long idle = clock.getAsLong() - lastChange(dir);
        if (idle < minAge.toMillis()) {
            LOG.debug("Keeping staging dir {}: application {} is unknown to the ResourceManager but the dir changed {} ms ago", dir,
                    appId, idle);
            return null;
        }
        return "application unknown to the ResourceManager, dir unchanged for " + idle / 1000 + " s";
    }

    /** Newest modification time of the dir and everything in it. */
    private long lastChange(Path dir) throws IOException {
        long newest = fs.getFileStatus(dir).getModificationTime();
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(dir, true);
        while (files.hasNext()) {
            newest = Math.max(newest, files.next().getModificationTime());
        }
        return newest;
    }

    private void sweepCacheUploads(Path cacheRoot, List<Path> removed) throws IOException {
        // Only this user's part of the cache: under a shared root, other users' parts are owner-only.
        Path own = new Path(cacheRoot, UserGroupInformation.getCurrentUser().getShortUserName());
        if (!fs.exists(own)) {
            return;
        }
        RemoteIterator<LocatedFileStatus> files = fs.listFiles(own, true);
        List<Path> stale = new ArrayList<>();
        while (files.hasNext()) {
            LocatedFileStatus file = files.next();
            // An upload of another client may be in progress: only old leftovers are abandoned ones.
            if (FrameworkJarCache.isUploadInProgressName(file.getPath().getName())
                    && clock.getAsLong() - file.getModificationTime() >= minAge.toMillis()) {
                stale.add(file.getPath());
            }
        }
        for (Path file : stale) {
            if (fs.delete(file, false)) {
                LOG.info("Removed abandoned jar-cache upload {}", file);
                removed.add(file);
            }
        }
    }

    private static Optional<YarnApplicationState> stateFromRm(YarnClient yarnClient, ApplicationId appId) throws IOException {
        try {
            return Optional.of(yarnClient.getApplicationReport(appId).getYarnApplicationState());
        } catch (ApplicationNotFoundException e) {
            return Optional.empty();
        } catch (YarnException e) {
            throw new IOException("cannot ask YARN about application " + appId + ": " + e.getMessage(), e);
        }
    }
}
