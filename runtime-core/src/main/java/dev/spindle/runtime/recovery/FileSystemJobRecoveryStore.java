package dev.spindle.runtime.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.spindle.api.JobID;
import dev.spindle.api.JobStatus;
import dev.spindle.runtime.dispatcher.JobResult;
import dev.spindle.runtime.jobgraph.JobGraph;
import dev.spindle.runtime.jobgraph.JobGraphFile;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JobRecoveryStore} in a directory of a Hadoop file system: one directory per job,
 * {@code <sequence>-<jobId>/}, holding {@code job.graph}, one {@code checkpoint-<id>} pointer per
 * completed checkpoint (only the latest is kept) and, once the job ended, {@code result.json}. Each
 * file is written under a temporary name and renamed, so a reader sees it whole or not at all; the
 * pointer's id is in its name, so no file is ever overwritten (HDFS renames do not replace).
 */
public final class FileSystemJobRecoveryStore implements JobRecoveryStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemJobRecoveryStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String RESULT_FILE = "result.json";
    static final String CHECKPOINT_PREFIX = "checkpoint-";

    private final FileSystem fs;
    private final Path root;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<JobID, Path> jobDirs = new ConcurrentHashMap<>();
    private final Map<JobID, Path> latestPointer = new ConcurrentHashMap<>();

    public FileSystemJobRecoveryStore(Path root, Configuration hadoopConf) throws IOException {
        this.root = root;
        this.fs = root.getFileSystem(hadoopConf);
    }

    @Override
    public boolean isDurable() {
        return true;
    }

    @Override
    public void jobSubmitted(JobGraph graph) throws IOException {
        Path dir = new Path(root, String.format("%06d-%s", sequence.incrementAndGet(), graph.getJobId()));
        writeWhole(new Path(dir, JobGraphFile.FILE_NAME), JobGraphFile.write(graph));
        jobDirs.put(graph.getJobId(), dir);
        LOG.info("Job {} ({}) recorded for recovery in {}", graph.getJobId(), graph.getName(), dir);
    }

    @Override
    public void checkpointCompleted(JobID jobId, long checkpointId, String directory) throws IOException {
        Path dir = dirOf(jobId);
        Path pointer = new Path(dir, String.format("%s%019d", CHECKPOINT_PREFIX, checkpointId));
        writeWhole(pointer, directory.getBytes(StandardCharsets.UTF_8));
        Path previous = latestPointer.put(jobId, pointer);
        if (previous != null && !previous.equals(pointer)) {
            fs.delete(previous, false);
        }
    }

    @Override
    public void jobEnded(JobResult result) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("jobId", result.jobId().toString());
        node.put("jobName", result.jobName());
        node.put("status", result.status().name());
        node.put("startTime", result.startTime());
        node.put("endTime", result.endTime());
        node.set("accumulators", JSON.valueToTree(printable(result.accumulators())));
        node.put("failureCause", result.failureCause());
        node.put("failureStackTrace", result.failureStackTrace());
        writeWhole(new Path(dirOf(result.jobId()), RESULT_FILE), JSON.writeValueAsBytes(node));
    }

    @Override
    public List<RecoveredJob> recover(ClassLoader classLoader) throws IOException {
        if (!fs.exists(root)) {
            return List.of();
        }
        FileStatus[] dirs = fs.listStatus(root, p -> !p.getName().startsWith("."));
        Arrays.sort(dirs, Comparator.comparing(s -> s.getPath().getName()));
        List<RecoveredJob> jobs = new ArrayList<>();
        for (FileStatus status : dirs) {
            Path dir = status.getPath();
            sequence.accumulateAndGet(sequenceOf(dir), Math::max);
            JobGraph graph;
            try {
                graph = JobGraphFile.read(readAll(new Path(dir, JobGraphFile.FILE_NAME)), classLoader);
            } catch (FileNotFoundException e) {
                continue; // the earlier attempt failed while recording it: the job never started
            } catch (JobGraphFile.UnreadableJobGraphException e) {
                throw new IOException("The recorded job graph in " + dir + " cannot be read: " + e.getMessage(), e);
            }
            jobDirs.put(graph.getJobId(), dir);
            jobs.add(new RecoveredJob(graph, latestCheckpoint(graph.getJobId(), dir), readResult(dir)));
        }
        return jobs;
    }

    private String latestCheckpoint(JobID jobId, Path dir) throws IOException {
        FileStatus[] pointers = fs.listStatus(dir, p -> p.getName().startsWith(CHECKPOINT_PREFIX));
        if (pointers.length == 0) {
            return null;
        }
        Arrays.sort(pointers, Comparator.comparing(s -> s.getPath().getName()));
        Path latest = pointers[pointers.length - 1].getPath();
        latestPointer.put(jobId, latest);
        return new String(readAll(latest), StandardCharsets.UTF_8);
    }

    private JobResult readResult(Path dir) throws IOException {
        Path file = new Path(dir, RESULT_FILE);
        if (!fs.exists(file)) {
            return null;
        }
        JsonNode n = JSON.readTree(readAll(file));
        Map<String, Object> accumulators = new LinkedHashMap<>();
        n.path("accumulators").fields().forEachRemaining(e -> accumulators.put(e.getKey(), plain(e.getValue())));
        return new JobResult(JobID.fromHexString(n.get("jobId").asText()), n.get("jobName").asText(),
                JobStatus.valueOf(n.get("status").asText()), n.get("startTime").asLong(), n.get("endTime").asLong(),
                accumulators, text(n, "failureCause"), text(n, "failureStackTrace"));
    }

    private Path dirOf(JobID jobId) throws IOException {
        Path dir = jobDirs.get(jobId);
        if (dir == null) {
            throw new IOException("job " + jobId + " was not recorded in " + root);
        }
        return dir;
    }

    private void writeWhole(Path file, byte[] bytes) throws IOException {
        Path temp = new Path(file.getParent(), "." + file.getName() + ".tmp");
        try (OutputStream out = fs.create(temp, true)) {
            out.write(bytes);
        }
        if (!fs.rename(temp, file)) {
            throw new IOException("could not rename " + temp + " to " + file);
        }
    }

    private byte[] readAll(Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return in.readAllBytes();
        }
    }

    private static int sequenceOf(Path dir) {
        String name = dir.getName();
        int dash = name.indexOf('-');
        try {
            return dash > 0 ? Integer.parseInt(name.substring(0, dash)) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Accumulator values are numbers, strings or collections of them in practice; anything else is kept as its text. */
    private static Map<String, Object> printable(Map<String, Object> accumulators) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (accumulators != null) {
            accumulators.forEach((k, v) -> out.put(k, v instanceof Number || v instanceof String || v instanceof Boolean
                    || v instanceof java.util.Collection<?> || v instanceof Map<?, ?> ? v : String.valueOf(v)));
        }
        return out;
    }

    private static Object plain(JsonNode v) {
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            return v.asText();
        }
        return JSON.convertValue(v, Object.class);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
