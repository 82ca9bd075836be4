package dev.spindle.yarn.client.staging;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.URL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.yarn.common.ContainerLayout;

/**
 * Fills an application's staging dir ({@code <root>/.spindle/<appId>/}, 0700) and turns its
 * content into YARN local resources: uploads in parallel, registers provided lib dirs PUBLIC
 * without copying, references a remote user jar in place.
 */
public final class StagingUploader {

    private static final Logger LOG = LoggerFactory.getLogger(StagingUploader.class);
    private static final FsPermission OWNER_ONLY = new FsPermission((short) 0700);
    /** Mostly metadata round trips (a cached jar is checked, not sent): more in flight than cores. */
    private static final int PARALLEL_UPLOADS = 8;

    private final FileSystem fs;
    private final org.apache.hadoop.fs.Path stagingDir;
    private final short replication;
    private final FrameworkJarCache cache;

    /** @param replication HDFS replication of uploaded files; 0 or less keeps the file system default */
    public StagingUploader(FileSystem fs, org.apache.hadoop.fs.Path stagingDir, int replication) {
        this(fs, stagingDir, replication, null);
    }

    /**
     * @param cache where framework jars are kept across deployments (uploaded once, then
     *     referenced); null uploads them into every staging dir
     */
    public StagingUploader(FileSystem fs, org.apache.hadoop.fs.Path stagingDir, int replication, FrameworkJarCache cache) {
        this.fs = fs;
        this.stagingDir = fs.makeQualified(stagingDir);
        this.replication = (short) replication;
        this.cache = cache;
    }

    public org.apache.hadoop.fs.Path stagingDir() {
        return stagingDir;
    }

    public StagingResult upload(StagingPlan plan) throws IOException {
        long t0 = System.nanoTime();
        fs.mkdirs(stagingDir, OWNER_ONLY);
        // mkdirs applies the umask; the staging dir holds the user's jar and config, so force 0700.
        fs.setPermission(stagingDir, OWNER_ONLY);

        Map<String, LocalResource> resources = Collections.synchronizedMap(new LinkedHashMap<>());
        List<String> frameworkLinks = new ArrayList<>();
        List<String> uploaded = Collections.synchronizedList(new ArrayList<>());
        AtomicLong uploadedBytes = new AtomicLong();

        Map<String, LocalResource> provided = providedLibResources(plan.providedLibDirs());
        resources.putAll(provided);
        frameworkLinks.addAll(provided.keySet());

        List<Upload> uploads = new ArrayList<>();
        List<Upload> cachedJars = new ArrayList<>();
        for (Path jar : plan.frameworkJars()) {
            String link = ContainerLayout.frameworkJar(jar.getFileName().toString());
            if (provided.containsKey(link)) {
                continue;
            }
            frameworkLinks.add(link);
            if (cache != null) {
                cachedJars.add(new Upload(jar, link, LocalResourceType.FILE));
            } else {
                uploads.add(new Upload(jar, link, LocalResourceType.FILE));
            }
        }
        String userJarLink = null;
        if (plan.userJar() != null) {
            URI jar = plan.userJar();
            String name = new org.apache.hadoop.fs.Path(jar).getName();
            userJarLink = ContainerLayout.userJar(name);
            if (jar.getScheme() == null || "file".equals(jar.getScheme())) {
                uploads.add(new Upload(Path.of(jar.getScheme() == null ? URI.create("file:" + jar.getPath()) : jar), userJarLink, LocalResourceType.FILE));
            } else {
                // A jar already on the cluster's file system is localized from where it is.
                org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(jar);
                FileSystem remoteFs = remote.getFileSystem(fs.getConf());
                resources.put(userJarLink, resource(remoteFs.getFileStatus(remote), LocalResourceType.FILE,
                        LocalResourceVisibility.APPLICATION));
            }
        }
        for (Path f : plan.localConfFiles()) {
            uploads.add(new Upload(f, ContainerLayout.confFile(f.getFileName().toString()), LocalResourceType.FILE));
        }
        for (Path f : plan.shipFiles()) {
            uploads.add(new Upload(f, f.getFileName().toString(), LocalResourceType.FILE));
        }
        for (Path f : plan.shipArchives()) {
            uploads.add(new Upload(f, f.getFileName().toString(), LocalResourceType.ARCHIVE));
        }

        // One pool for every file: each costs HDFS round trips more than bytes, so they overlap best all at once.
        List<Step> steps = new ArrayList<>();
        for (Map.Entry<String, String> e : plan.confFiles().entrySet()) {
            String link = ContainerLayout.confFile(e.getKey());
            byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
            steps.add(new Step(link, () -> writeFile(link, bytes, resources, uploaded, uploadedBytes)));
        }
        for (Map.Entry<String, byte[]> e : plan.rootFiles().entrySet()) {
            steps.add(new Step(e.getKey(), () -> writeFile(e.getKey(), e.getValue(), resources, uploaded, uploadedBytes)));
        }
        for (Upload u : uploads) {
            steps.add(new Step(u.source().toString(), () -> {
                org.apache.hadoop.fs.Path dst = new org.apache.hadoop.fs.Path(stagingDir, u.link());
                fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(u.source().toUri()), dst);
                if (replication > 0 && fs.getFileStatus(dst).isFile()) {
                    fs.setReplication(dst, replication);
                }
                FileStatus status = fs.getFileStatus(dst);
                resources.put(u.link(), resource(status, u.type(), LocalResourceVisibility.APPLICATION));
                uploaded.add(u.link());
                uploadedBytes.addAndGet(status.isFile() ? status.getLen() : fs.getContentSummary(dst).getLength());
            }));
        }
        for (Upload u : cachedJars) {
            steps.add(new Step(u.source().toString(), () -> {
                FrameworkJarCache.Entry entry = cache.ensure(u.source());
                // PRIVATE: a NodeManager localizes a cached jar once per user, not once per application.
                resources.put(u.link(), resource(entry.status(), LocalResourceType.FILE, LocalResourceVisibility.PRIVATE));
                if (entry.uploaded()) {
                    uploaded.add(u.link());
                    uploadedBytes.addAndGet(entry.status().getLen());
                }
            }));
        }
        runInParallel(steps);
        if (cache != null) {
            cache.saveDigests();
        }

        List<String> uploadedSorted = new ArrayList<>(uploaded);
        Collections.sort(uploadedSorted);
        LOG.info("Staged {} files ({} KB) in {} ms into {}; {} provided framework files referenced in place",
                uploadedSorted.size(), uploadedBytes.get() / 1024, (System.nanoTime() - t0) / 1_000_000, stagingDir,
                provided.size());
        return new StagingResult(new LinkedHashMap<>(resources), frameworkLinks, userJarLink, uploadedSorted,
                uploadedBytes.get());
    }

    private Map<String, LocalResource> providedLibResources(List<URI> dirs) throws IOException {
        Map<String, LocalResource> result = new LinkedHashMap<>();
        for (URI dir : dirs) {
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(dir);
            FileSystem dirFs = root.getFileSystem(fs.getConf());
            if (!dirFs.exists(root)) {
                throw new IOException("provided lib dir " + dir + " (yarn.provided.lib.dirs) does not exist");
            }
            String rootPath = dirFs.makeQualified(root).toUri().getPath();
            RemoteIterator<LocatedFileStatus> it = dirFs.listFiles(root, true);
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                String relative = f.getPath().toUri().getPath().substring(rootPath.length()).replaceFirst("^/", "");
                result.put(ContainerLayout.frameworkJar(relative), resource(f, LocalResourceType.FILE, LocalResourceVisibility.PUBLIC));
            }
        }
        return result;
    }

    private static LocalResource resource(FileStatus status, LocalResourceType type, LocalResourceVisibility visibility) {
        return LocalResource.newInstance(URL.fromPath(status.getPath()), type, visibility, status.getLen(),
                status.getModificationTime());
    }

    private record Upload(Path source, String link, LocalResourceType type) {
    }

    /** One file to put into the staging dir or the jar cache; {@code what} names it in errors. */
    private record Step(String what, IoAction action) {
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private void writeFile(String link, byte[] bytes, Map<String, LocalResource> resources, List<String> uploaded,
            AtomicLong uploadedBytes) throws IOException {
        org.apache.hadoop.fs.Path dst = new org.apache.hadoop.fs.Path(stagingDir, link);
        try (OutputStream out = fs.create(dst, true)) {
            out.write(bytes);
        }
        resources.put(link, resource(fs.getFileStatus(dst), LocalResourceType.FILE, LocalResourceVisibility.APPLICATION));
        uploaded.add(link);
        uploadedBytes.addAndGet(bytes.length);
    }

    private static void runInParallel(List<Step> steps) throws IOException {
        if (steps.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL_UPLOADS, steps.size()), r -> {
            Thread t = new Thread(r, "staging-upload");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Step step : steps) {
                futures.add(pool.submit(() -> {
                    step.action().run();
                    return null;
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                try {
                    futures.get(i).get();
                } catch (ExecutionException e) {
                    throw new IOException("uploading " + steps.get(i).what() + " to the staging dir failed: "
                            + e.getCause().getMessage(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while uploading to the staging dir", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
