package dev.spindle.yarn.common;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import dev.spindle.runtime.rpc.RpcAddress;

/**
 * Where the resource manager of each ApplicationMaster attempt listens, as one file per attempt in
 * the staging dir's {@link ContainerLayout#ATTEMPTS_DIR}: TaskExecutors that YARN kept running
 * across attempts read the newest to find the new one. Files are written under a temporary name
 * and renamed, so a reader sees an address whole or not at all, and never overwritten.
 */
public final class AttemptAddresses {

    static final String PREFIX = "resource-manager-";

    private final FileSystem fs;
    private final Path dir;

    public AttemptAddresses(FileSystem fs, Path stagingDir) {
        this.fs = fs;
        this.dir = new Path(stagingDir, ContainerLayout.ATTEMPTS_DIR);
    }

    /** Records where attempt {@code attempt}'s resource manager listens. */
    public void record(int attempt, RpcAddress address) throws IOException {
        Path file = new Path(dir, PREFIX + attempt);
        // HDFS renames refuse to replace, local ones do not: an attempt's address is written once either way.
        if (fs.exists(file)) {
            throw new IOException("attempt " + attempt + " recorded its address already in " + file);
        }
        Path tmp = new Path(dir, "." + file.getName() + ".tmp");
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(address.toString().getBytes(StandardCharsets.UTF_8));
        }
        if (!fs.rename(tmp, file)) {
            throw new IOException("could not rename " + tmp + " to " + file + " (does it exist already?)");
        }
    }

    /** The address the newest attempt recorded; empty when none did. */
    public Optional<RpcAddress> newest() throws IOException {
        FileStatus[] files;
        try {
            files = fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return Optional.empty();
        }
        int newestAttempt = -1;
        Path newest = null;
        for (FileStatus f : files) {
            String name = f.getPath().getName();
            if (!name.startsWith(PREFIX)) {
                continue;
            }
            try {
                int attempt = Integer.parseInt(name.substring(PREFIX.length()));
                if (attempt > newestAttempt) {
                    newestAttempt = attempt;
                    newest = f.getPath();
                }
            } catch (NumberFormatException e) {
                // not one of ours
            }
        }
        if (newest == null) {
            return Optional.empty();
        }
        try (InputStream in = fs.open(newest)) {
            return Optional.of(RpcAddress.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }
}
