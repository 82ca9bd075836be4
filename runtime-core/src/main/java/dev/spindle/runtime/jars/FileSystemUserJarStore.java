package dev.spindle.runtime.jars;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Optional;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * User jars in a directory of a Hadoop file system (a session's {@code usrlib/} in its owner-only
 * staging dir): written under a hidden temporary name and renamed once complete and checked, so a
 * TaskExecutor never loads half a jar, owner-only like the rest of the staging dir.
 */
public final class FileSystemUserJarStore implements UserJarStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemUserJarStore.class);
    private static final FsPermission OWNER_ONLY = new FsPermission((short) 0600);

    private final Path dir;
    private final FileSystem fs;

    public FileSystemUserJarStore(Path dir, Configuration hadoopConf) throws IOException {
        this(dir.getFileSystem(hadoopConf), dir);
    }

    /** On a file system the caller has open already (a client's). */
    public FileSystemUserJarStore(FileSystem fs, Path dir) {
        this.fs = fs;
        this.dir = fs.makeQualified(dir);
    }

    @Override
    public Optional<URI> find(UserJarName name) throws IOException {
        Path jar = new Path(dir, name.value());
        return fs.exists(jar) ? Optional.of(jar.toUri()) : Optional.empty();
    }

    @Override
    public URI store(UserJarName name, InputStream content) throws IOException {
        Path target = new Path(dir, name.value());
        Path tmp = new Path(dir, "." + name.value() + "." + System.nanoTime() + ".tmp");
        boolean renamed = false;
        try {
            UserJarName.Copied received;
            try (OutputStream out = fs.create(tmp, OWNER_ONLY, false, 1 << 16, fs.getDefaultReplication(tmp),
                    fs.getDefaultBlockSize(tmp), null)) {
                received = UserJarName.copy(content, out);
            }
            if (!received.hash().equals(name.contentHash())) {
                throw new IllegalArgumentException("the " + received.bytes() + " bytes sent as " + name + " hash to " + received.hash()
                        + ", not to " + name.contentHash() + ": the jar was damaged on its way or its name is wrong");
            }
            fs.setPermission(tmp, OWNER_ONLY); // create's permission is narrowed by the umask only
            renamed = fs.rename(tmp, target);
            if (!renamed && !fs.exists(target)) {
                throw new IOException("could not move the received jar to " + target);
            }
            LOG.info("User jar {} ({} bytes) received into {}", name, received.bytes(), target);
            return target.toUri();
        } finally {
            if (!renamed) {
                fs.delete(tmp, false); // refused, failed, or another upload of the same jar won the rename
            }
        }
    }
}
