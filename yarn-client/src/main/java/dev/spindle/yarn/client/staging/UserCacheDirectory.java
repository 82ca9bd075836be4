package dev.spindle.yarn.client.staging;

import java.io.IOException;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One user's part of a jar cache that several users may share ({@code yarn.staging-directory}):
 * {@code <root>/<user>/}. The root is created sticky and writable by everyone (like /tmp) so
 * that each user can add a dir of their own but nobody can remove or rename another's; each
 * user's dir and everything in it is 0700 and owned by that user, which is checked, not assumed.
 */
final class UserCacheDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(UserCacheDirectory.class);

    static final FsPermission OWNER_ONLY = new FsPermission((short) 0700);
    static final FsPermission SHARED_ROOT = new FsPermission((short) 01777);

    private final FileSystem fs;
    private final Path root;
    private final String user;
    // Checked once per instance (one deployment): a dir that was the user's a moment ago still is.
    private boolean ensured;

    UserCacheDirectory(FileSystem fs, Path root, String user) {
        this.fs = fs;
        this.root = root;
        this.user = user;
    }

    Path path() {
        return new Path(root, user);
    }

    /** Creates the user's dir 0700 if missing; throws when it exists but belongs to someone else. */
    synchronized Path ensure() throws IOException {
        if (ensured) {
            return path();
        }
        if (!fs.exists(root)) {
            fs.mkdirs(root);
            // Ours, so we may set it; an existing root is left as its owner made it.
            fs.setPermission(root, SHARED_ROOT);
        }
        Path dir = path();
        if (!fs.exists(dir)) {
            fs.mkdirs(dir, OWNER_ONLY);
            fs.setPermission(dir, OWNER_ONLY);
        }
        checkOwnDir(fs.getFileStatus(dir));
        ensured = true;
        return dir;
    }

    /**
     * A digest dir inside the user's dir, 0700; an existing one that is not owned by the user or is
     * writable by group or others (made by an older client, or tampered with) is removed first.
     */
    Path ensureSubdir(String name) throws IOException {
        Path dir = new Path(ensure(), name);
        return ensureSubdir(name, fs.exists(dir) ? fs.getFileStatus(dir) : null);
    }

    /** {@link #ensureSubdir(String)} with the dir's status already known ({@code null}: it does not exist). */
    Path ensureSubdir(String name, FileStatus known) throws IOException {
        Path dir = new Path(ensure(), name);
        if (known != null) {
            FileStatus s = known;
            if (s.isDirectory() && user.equals(s.getOwner()) && !writableByOthers(s.getPermission())) {
                if (!s.getPermission().equals(OWNER_ONLY)) {
                    fs.setPermission(dir, OWNER_ONLY);
                }
                return dir;
            }
            LOG.warn("Replacing the jar cache dir {} (owner '{}', mode {}): only '{}' may own it and write to it", dir,
                    s.getOwner(), s.getPermission(), user);
            fs.delete(dir, true);
        }
        fs.mkdirs(dir, OWNER_ONLY);
        fs.setPermission(dir, OWNER_ONLY);
        return dir;
    }

    private void checkOwnDir(FileStatus s) throws IOException {
        if (!s.isDirectory() || !user.equals(s.getOwner())) {
            throw new IOException("The jar cache dir " + s.getPath() + " is owned by '" + s.getOwner() + "' (mode "
                    + s.getPermission() + "), not by '" + user + "', so its jars cannot be trusted; ask the owner or an"
                    + " administrator to remove it, or set yarn.staging-directory to a dir of your own.");
        }
        if (!s.getPermission().equals(OWNER_ONLY)) {
            LOG.warn("Setting the jar cache dir {} to 0700 (it was {})", s.getPath(), s.getPermission());
            fs.setPermission(s.getPath(), OWNER_ONLY);
        }
    }

    static boolean writableByOthers(FsPermission p) {
        return p.getGroupAction().implies(FsAction.WRITE) || p.getOtherAction().implies(FsAction.WRITE);
    }
}
