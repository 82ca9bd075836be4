package dev.spindle.yarn.client.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * A small file in a shared directory (the temp dir) that only its owner may have written: it is
 * trusted for reading only when the calling user owns it and neither group nor others can write
 * it, and it is written 0600 from its creation on (temp file in the same dir, then an atomic
 * rename), so it is never readable by others, not even for an instant.
 */
public final class OwnerOnlyFile {

    private static final Set<PosixFilePermission> WRITABLE_BY_OTHERS =
            EnumSet.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private final Path file;
    private final String user;

    /** {@code user} is who must own the file: the calling user, or another name in tests run as root. */
    public OwnerOnlyFile(Path file, String user) {
        this.file = file;
        this.user = user;
    }

    public static OwnerOnlyFile ofCaller(Path file) {
        return new OwnerOnlyFile(file, System.getProperty("user.name"));
    }

    public Path path() {
        return file;
    }

    /**
     * Throws unless the file (not following a symlink, which anyone could point anywhere) is a
     * regular file owned by the user and not writable by group or others.
     */
    public void checkTrusted() throws IOException {
        PosixFileAttributes a = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String owner = a.owner().getName();
        Set<PosixFilePermission> perms = a.permissions();
        boolean othersWrite = perms.stream().anyMatch(WRITABLE_BY_OTHERS::contains);
        if (!a.isRegularFile() || !owner.equals(user) || othersWrite) {
            throw new UntrustedFileException("Refusing to read " + file + ": it is "
                    + (a.isRegularFile() ? "" : (a.isSymbolicLink() ? "a symbolic link, " : "not a regular file, "))
                    + "owned by '" + owner + "' with mode " + PosixFilePermissions.toString(perms)
                    + ", but it must be owned by '" + user + "' and writable by nobody else, since anyone who can write"
                    + " it can redirect this client. If you did not create it, someone else may have: delete it (" + file
                    + ") and run the command again; or point the location at a directory of your own.");
        }
    }

    /** Whether the file exists at all (a dangling or foreign symlink counts: it is checked, not skipped). */
    public boolean exists() {
        return Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }

    /** Writes the file atomically, 0600 from the temp file's creation on. */
    public void write(IoConsumer<OutputStream> content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.accept(out);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Writing code that may fail with an I/O error. */
    @FunctionalInterface
    public interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }
}
