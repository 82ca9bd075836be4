package dev.spindle.yarn.client.staging;

import java.io.IOException;
import java.io.OutputStream;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.URL;

import dev.spindle.yarn.common.ContainerLayout;
import dev.spindle.yarn.common.LaunchSpec;
import dev.spindle.yarn.common.LaunchSpecFile;

/**
 * Writes the launch spec into the staging dir, last (it lists everything staged before it), and
 * returns it as the local resource the AM gets it through.
 */
public final class LaunchSpecUpload {

    private LaunchSpecUpload() {
    }

    public static LocalResource write(FileSystem fs, Path stagingDir, LaunchSpec spec) throws IOException {
        Path file = new Path(stagingDir, ContainerLayout.LAUNCH_SPEC_FILE);
        try (OutputStream out = fs.create(file, true)) {
            out.write(LaunchSpecFile.toBytes(spec));
        }
        FileStatus status = fs.getFileStatus(file);
        return LocalResource.newInstance(URL.fromPath(status.getPath()), LocalResourceType.FILE,
                LocalResourceVisibility.APPLICATION, status.getLen(), status.getModificationTime());
    }
}
