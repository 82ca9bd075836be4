package dev.spindle.yarn.client.staging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.URL;

import dev.spindle.yarn.common.ContainerLayout;

/**
 * Puts the Kerberos keytab into the staging dir readable by the owner only (0400 in the 0700 dir,
 * whatever the umask), as an APPLICATION resource of every container: the AM and the TaskExecutors
 * log in from it. It goes away with the staging dir.
 */
public final class KeytabUpload {

    private static final FsPermission OWNER_READ = new FsPermission((short) 0400);

    private KeytabUpload() {
    }

    public static LocalResource write(FileSystem fs, Path stagingDir, java.nio.file.Path keytab) throws IOException {
        Path dst = new Path(stagingDir, ContainerLayout.KEYTAB_FILE);
        // Created with the final permission, so there is no moment in which others could read it.
        try (InputStream in = Files.newInputStream(keytab);
                OutputStream out = fs.create(dst, OWNER_READ, true, 4096, fs.getDefaultReplication(dst),
                        fs.getDefaultBlockSize(dst), null)) {
            in.transferTo(out);
        }
        fs.setPermission(dst, OWNER_READ);
        FileStatus status = fs.getFileStatus(dst);
        return LocalResource.newInstance(URL.fromPath(status.getPath()), LocalResourceType.FILE,
                LocalResourceVisibility.APPLICATION, status.getLen(), status.getModificationTime());
    }
}
