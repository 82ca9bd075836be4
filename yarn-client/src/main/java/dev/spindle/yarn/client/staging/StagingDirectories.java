package dev.spindle.yarn.client.staging;

import java.io.IOException;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.YarnConfigOptions;

/** Where staging dirs live: {@code ${yarn.staging-directory:-<fs home>}/.spindle/<appId>/}. */
public final class StagingDirectories {

    public static final String SPINDLE_DIR = ".spindle";

    private StagingDirectories() {
    }

    /** The dir holding one staging dir per application. */
    public static Path root(FileSystem fs, Configuration configuration) throws IOException {
        String configured = configuration.get(YarnConfigOptions.STAGING_DIRECTORY);
        Path base = configured == null || configured.isBlank() ? fs.getHomeDirectory() : new Path(configured);
        return fs.makeQualified(new Path(base, SPINDLE_DIR));
    }

    public static Path forApplication(Path root, ApplicationId appId) {
        return new Path(root, appId.toString());
    }
}
