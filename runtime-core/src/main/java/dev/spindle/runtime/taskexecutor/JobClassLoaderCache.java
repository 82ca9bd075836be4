package dev.spindle.runtime.taskexecutor;

import dev.spindle.configuration.Configuration;
import dev.spindle.api.JobID;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileSystem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One classloader per job over its user jars: {@code file:} jars are used in place, remote ones
 * ({@code hdfs:} ...) are downloaded once per job into a local directory that is deleted with the
 * job. Without jars the job uses the TaskExecutor's own classloader.
 */
final class JobClassLoaderCache implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobClassLoaderCache.class);

    private record Entry(ClassLoader loader, Path downloadDir) {
    }

    /** Spindle configuration keys with this prefix are handed to Hadoop without it (e.g. file system settings). */
    static final String HADOOP_PREFIX = "spindle.hadoop.";

    private final Path workDir;
    private final org.apache.hadoop.conf.Configuration hadoopConfiguration;
    private final Map<JobID, Entry> loaders = new HashMap<>();

    JobClassLoaderCache(Path workDir, dev.spindle.configuration.Configuration configuration) {
        this.workDir = workDir;
        this.hadoopConfiguration = dev.spindle.runtime.fs.HadoopConfigurations.create();
        for (String key : configuration.keySet()) {
            if (key.startsWith(HADOOP_PREFIX)) {
                hadoopConfiguration.set(key.substring(HADOOP_PREFIX.length()), configuration.getString(key));
            }
        }
    }

    synchronized ClassLoader forJob(JobID jobId, List<URI> jars, Configuration configuration) throws IOException {
        Entry e = loaders.get(jobId);
        if (e != null) {
            return e.loader();
        }
        ClassLoader parent = TaskExecutor.class.getClassLoader();
        if (jars.isEmpty()) {
            loaders.put(jobId, new Entry(parent, null));
            return parent;
        }
        Path dir = workDir.resolve("job-" + jobId);
        List<URL> urls = new ArrayList<>();
        int n = 0;
        for (URI jar : jars) {
            String scheme = jar.getScheme();
            if (scheme == null || scheme.equals("file")) {
                Path p = scheme == null ? Paths.get(jar.getPath()) : Paths.get(jar);
                if (!Files.isReadable(p)) {
                    throw new IOException("user jar " + jar + " is not readable on this TaskExecutor");
                }
                urls.add(p.toUri().toURL());
            } else {
                Files.createDirectories(dir);
                Path local = dir.resolve((n++) + "-" + Paths.get(jar.getPath()).getFileName());
                org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(jar);
                FileSystem fs = remote.getFileSystem(hadoopConfiguration);
                fs.copyToLocalFile(remote, new org.apache.hadoop.fs.Path(local.toUri()));
                LOG.info("Downloaded user jar {} of job {} to {}", jar, jobId, local);
                urls.add(local.toUri().toURL());
            }
        }
        ClassLoader loader = dev.spindle.runtime.program.UserCodeClassLoaderFactory.create(urls, parent, configuration);
        loaders.put(jobId, new Entry(loader, Files.exists(dir) ? dir : null));
        return loader;
    }

    synchronized void release(JobID jobId) {
        Entry e = loaders.remove(jobId);
        if (e == null) {
            return;
        }
        if (e.loader() instanceof URLClassLoader u && u != TaskExecutor.class.getClassLoader()) {
            try {
                u.close();
            } catch (IOException ex) {
                LOG.debug("Closing classloader of job {}: {}", jobId, ex.toString());
            }
        }
        if (e.downloadDir() != null) {
            deleteTree(e.downloadDir());
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ex) {
                    throw new UncheckedIOException(ex);
                }
            });
        } catch (IOException | UncheckedIOException ex) {
            LOG.warn("Could not delete {}: {}", dir, ex.toString());
        }
    }

    @Override
    public synchronized void close() {
        for (JobID id : new ArrayList<>(loaders.keySet())) {
            release(id);
        }
    }
}
