package dev.spindle.yarn.client.staging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SHA-256 digests of jars already hashed, keyed by where the jar is, its length and its
 * modification time, so that a deployment neither re-hashes the ~120 local framework jars nor
 * reads their cached copies back from the cluster: 80 MB read and hashed twice per client JVM
 * otherwise. With a file, the memo outlives the client JVM (every CLI call is one); the file is the
 * caller's own (0600 in a 0700 dir) and is used only when it still is, since a digest taken from it
 * decides which cached jar runs in the user's containers.
 */
public final class JarDigestMemo {

    private static final Logger LOG = LoggerFactory.getLogger(JarDigestMemo.class);

    /** Where the memo of the current OS user is kept when the deployment does not say otherwise. */
    public static Path defaultFile() {
        return Path.of(System.getProperty("user.home"), ".spindle", "jar-digests");
    }

    private static final String HEADER = "# spindle jar digests v1: <sha256> <length> <mtime ms> <location>";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    /** More entries than any framework needs; beyond it the oldest are dropped, so the file stays small. */
    private static final int MAX_ENTRIES = 4096;
    private static final Set<PosixFilePermission> OWNER_RW = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final Set<PosixFilePermission> OWNER_RWX = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
    private static final Map<Path, JarDigestMemo> BY_FILE = new ConcurrentHashMap<>();
    private static final JarDigestMemo IN_MEMORY = new JarDigestMemo(null);

    private final Path file;
    private final Map<String, String> digests = new ConcurrentHashMap<>();
    private volatile boolean dirty;

    private JarDigestMemo(Path file) {
        this.file = file;
    }

    /** A memo kept in this JVM only. */
    public static JarDigestMemo inMemory() {
        return IN_MEMORY;
    }

    /** The memo kept in {@code file} (one instance per file in a JVM, loaded on first use). */
    public static JarDigestMemo inFile(Path file) {
        return BY_FILE.computeIfAbsent(file.toAbsolutePath(), f -> {
            JarDigestMemo memo = new JarDigestMemo(f);
            memo.load();
            return memo;
        });
    }

    /** A memo read from {@code file} now, not shared with other callers (what a new client JVM sees). */
    static JarDigestMemo loadedFrom(Path file) {
        JarDigestMemo memo = new JarDigestMemo(file.toAbsolutePath());
        memo.load();
        return memo;
    }

    /** The digest of the local file {@code jar}, hashed only when this version of it is not in the memo. */
    public String localDigest(Path jar) throws IOException {
        Path absolute = jar.toAbsolutePath();
        String key = key(Files.size(absolute), Files.getLastModifiedTime(absolute).toMillis(), absolute.toUri().toString());
        return digestOf(key, () -> {
            try (InputStream in = Files.newInputStream(absolute)) {
                return CacheEntryCheck.sha256(in);
            }
        });
    }

    /** The digest of the file at {@code location} with that length and mtime, computed by {@code reader} when unknown. */
    String digestOf(String location, long length, long modificationTime, DigestReader reader) throws IOException {
        return digestOf(key(length, modificationTime, location), reader);
    }

    /** Reads a file and returns its SHA-256. */
    interface DigestReader {
        String read() throws IOException;
    }

    private String digestOf(String key, DigestReader reader) throws IOException {
        String known = digests.get(key);
        if (known != null) {
            return known;
        }
        String hex = reader.read();
        digests.put(key, hex);
        dirty = true;
        return hex;
    }

    private static String key(long length, long mtime, String location) {
        return length + " " + mtime + " " + location;
    }

    /** Writes new entries to the file (atomically, owner-only); a failure only costs hashing again next time. */
    public synchronized void save() {
        if (file == null || !dirty) {
            return;
        }
        try {
            Path dir = file.getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_RWX));
            }
            if (!ownedByMeAndPrivate(dir, true)) {
                LOG.warn("Not saving jar digests to {}: its dir is not private to {}", file, System.getProperty("user.name"));
                return;
            }
            List<String> lines = new ArrayList<>();
            lines.add(HEADER);
            List<Map.Entry<String, String>> entries = new ArrayList<>(digests.entrySet());
            int skip = Math.max(0, entries.size() - MAX_ENTRIES);
            for (Map.Entry<String, String> e : entries.subList(skip, entries.size())) {
                lines.add(e.getValue() + " " + e.getKey());
            }
            Path tmp = Files.createTempFile(dir, ".jar-digests", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_RW));
            try {
                Files.write(tmp, lines, StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            dirty = false;
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Could not save jar digests to {}: {}", file, e.toString());
        }
    }

    private void load() {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            if (!ownedByMeAndPrivate(file, false) || !ownedByMeAndPrivate(file.getParent(), true)) {
                LOG.warn("Ignoring the jar digest memo {}: it (or its dir) is not a file private to {}; jars are hashed again",
                        file, System.getProperty("user.name"));
                return;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                parse(line).ifPresent(e -> digests.put(e[1], e[0]));
            }
        } catch (IOException | UnsupportedOperationException e) {
            LOG.warn("Ignoring the jar digest memo {}: {}", file, e.toString());
            digests.clear();
        }
    }

    /** {@code [digest, key]} of a well-formed line; anything else (a torn or edited line) is skipped. */
    static Optional<String[]> parse(String line) {
        if (line.startsWith("#")) {
            return Optional.empty();
        }
        String[] parts = line.split(" ", 4);
        if (parts.length != 4 || !SHA256.matcher(parts[0]).matches() || parts[3].isEmpty()) {
            return Optional.empty();
        }
        try {
            Long.parseLong(parts[1]);
            Long.parseLong(parts[2]);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new String[] {parts[0], parts[1] + " " + parts[2] + " " + parts[3]});
    }

    /** Whether {@code p} is (not a link to) a file or dir of this user that nobody else may write, or for a file, read. */
    private static boolean ownedByMeAndPrivate(Path p, boolean dir) throws IOException {
        PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (dir ? !a.isDirectory() : !a.isRegularFile()) {
            return false;
        }
        if (!a.owner().getName().equals(System.getProperty("user.name"))) {
            return false;
        }
        Set<PosixFilePermission> perms = a.permissions();
        boolean othersWrite = perms.contains(PosixFilePermission.GROUP_WRITE) || perms.contains(PosixFilePermission.OTHERS_WRITE);
        boolean othersRead = perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ);
        return !othersWrite && (dir || !othersRead);
    }
}
