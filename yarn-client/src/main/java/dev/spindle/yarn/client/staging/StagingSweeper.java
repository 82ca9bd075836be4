package dev.spindle.yarn.client.staging;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.ApplicationNotFoundException;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the staging dirs of applications that have ended. An AM killed by YARN cannot always
 * clean up after itself; the next deployment from the same root (or {@code spindle clean}) does.
 */
public final class StagingSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(StagingSweeper.class);
    private static final EnumSet<YarnApplicationState> ENDED =
            EnumSet.of(YarnApplicationState.FINISHED, YarnApplicationState.FAILED, YarnApplicationState.KILLED);

    private final YarnClient yarnClient;
    private final FileSystem fs;

    public StagingSweeper(YarnClient yarnClient, FileSystem fs) {
        this.yarnClient = yarnClient;
        this.fs = fs;
    }

    /** Removes staging dirs under {@code root} of ended (or unknown) applications; returns the removed dirs. */
    public List<Path> sweep(Path root) throws IOException {
        List<Path> removed = new ArrayList<>();
        if (!fs.exists(root)) {
            return removed;
        }
        for (FileStatus dir : fs.listStatus(root)) {
            if (!dir.isDirectory()) {
                continue;
            }
            ApplicationId appId;
            try {
                appId = ApplicationId.fromString(dir.getPath().getName());
            } catch (IllegalArgumentException e) {
                continue; // not ours to judge
            }
            String why = endedReason(appId);
            if (why != null && fs.delete(dir.getPath(), true)) {
                LOG.info("Removed staging dir {} of application {} ({})", dir.getPath(), appId, why);
                removed.add(dir.getPath());
            }
        }
        return removed;
    }

    private String endedReason(ApplicationId appId) throws IOException {
        try {
            YarnApplicationState state = yarnClient.getApplicationReport(appId).getYarnApplicationState();
            return ENDED.contains(state) ? "application " + state : null;
        } catch (ApplicationNotFoundException e) {
            // Unknown to the RM: ended long ago or on a cluster that was reset.
            return "application unknown to the ResourceManager";
        } catch (YarnException e) {
            throw new IOException("cannot ask YARN about application " + appId + ": " + e.getMessage(), e);
        }
    }
}
