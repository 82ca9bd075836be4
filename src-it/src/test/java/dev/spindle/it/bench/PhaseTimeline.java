package dev.spindle.it.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.hadoop.yarn.api.records.ApplicationReport;

/**
 * The phases of one deployment on one wall-clock timeline, in milliseconds from the moment the
 * benchmark started the client: the {@code phase=... at=...} lines of the client's, the
 * ApplicationMaster's and the TaskExecutors' logs ({@link dev.spindle.runtime.metrics.PhaseLog})
 * and YARN's own timestamps from the application report. A phase reached by several processes
 * (one per TaskExecutor) is kept as its first and its last time.
 */
final class PhaseTimeline {

    private static final Pattern PHASE = Pattern.compile("phase=(\\S+) at=(\\d+)");

    /** Rows in the order printed: label and the key of the sample (phase name, "first:"/"last:" prefix, or "yarn:"). */
    static final List<String[]> ROWS = List.of(
            row("CLI JVM started", "first:cli-jvm-started"),
            row("CLI ready (arguments parsed, config loaded)", "first:cli-ready"),
            row("client: YARN client and HDFS started", "first:cluster-clients-started"),
            row("client: application id from the RM", "first:application-created"),
            row("client: cluster checks done (queue, resources)", "first:cluster-checked"),
            row("client: old staging dirs swept (in the background)", "first:staging-swept"),
            row("client: secret, TLS identity and tokens ready", "first:credentials-ready"),
            row("staged (jars + config on HDFS)", "first:staged"),
            row("submitted", "first:submitted"),
            row("YARN: application accepted (report start time)", "yarn:start"),
            row("YARN: AM container launched (report launch time)", "yarn:launch"),
            row("AM JVM started", "first:am-jvm-started"),
            row("AM registered with the RM", "first:am-registered"),
            row("client saw the application RUNNING", "first:client-saw-running"),
            row("TaskExecutors requested (first)", "first:te-requested"),
            row("TaskExecutors allocated (first)", "first:te-allocated"),
            row("TaskExecutors allocated (last)", "last:te-allocated"),
            row("TaskExecutor containers started by the NM (last)", "last:te-container-started"),
            row("TaskExecutor JVMs started (first)", "first:te-jvm-started"),
            row("TaskExecutor JVMs started (last)", "last:te-jvm-started"),
            row("TaskExecutors' logging ready (last)", "last:te-logging-ready"),
            row("TaskExecutors' main: spec and secret read (last)", "last:te-main"),
            row("TaskExecutors' RPC servers listening (last)", "last:te-rpc-listening"),
            row("TaskExecutors registered (first)", "first:te-registered"),
            row("TaskExecutors registered (last)", "last:te-registered"),
            row("job submitted to the job master", "first:job-started"),
            row("job deploying its subtasks", "first:job-deploying"),
            row("job running (all subtasks RUNNING)", "first:job-all-subtasks-running"),
            row("client saw the job RUNNING", "first:client-saw-job-running"),
            row("job finished", "first:job-ended"),
            row("client saw the job FINISHED", "first:client-saw-job-finished"),
            row("AM unregistered", "first:am-unregistered"),
            row("YARN: application finished (report finish time)", "yarn:finish"),
            row("CLI exit", "first:cli-exit"));

    private static String[] row(String label, String key) {
        return new String[] {label, key};
    }

    private final long origin;
    private long end = Long.MAX_VALUE;
    private final Map<String, Long> samples = new LinkedHashMap<>();

    /** @param originEpochMillis the wall-clock moment everything is measured from (the client's start) */
    PhaseTimeline(long originEpochMillis) {
        this.origin = originEpochMillis;
    }

    /**
     * Keeps only what happened until {@code endEpochMillis} (and from the origin on): a session's
     * ApplicationMaster log holds the phases of every job it ran.
     */
    PhaseTimeline window(long endEpochMillis) {
        this.end = endEpochMillis;
        return this;
    }

    /** Adds every phase line in {@code file}. */
    PhaseTimeline addLog(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String line : lines) {
            Matcher m = PHASE.matcher(line);
            if (m.find()) {
                add(m.group(1), Long.parseLong(m.group(2)));
            }
        }
        return this;
    }

    /** Adds the container logs of {@code appId} found under {@code dirs} (NodeManager log dirs, or a mini cluster work dir holding them). */
    PhaseTimeline addContainerLogs(String appId, Path... dirs) {
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            // <work dir>/<cluster>-logDir-nm-<i>/<appId>/<containerId>/*.log; the local dirs' copies of the jars lie deeper.
            try (Stream<Path> appDirs = Files.find(dir, 2, (p, a) -> a.isDirectory() && p.getFileName().toString().equals(appId))) {
                for (Path appDir : appDirs.toList()) {
                    try (Stream<Path> files = Files.walk(appDir, 2)) {
                        files.filter(f -> f.getFileName().toString().endsWith(".log") && Files.isRegularFile(f))
                                .forEach(this::addLog);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    /** Adds YARN's timestamps of the application. */
    PhaseTimeline addReport(ApplicationReport report) {
        addYarn("start", report.getStartTime());
        addYarn("launch", report.getLaunchTime());
        addYarn("finish", report.getFinishTime());
        return this;
    }

    private void addYarn(String what, long epochMillis) {
        if (epochMillis > 0) {
            samples.put("yarn:" + what, epochMillis - origin);
        }
    }

    /** Adds one phase at {@code epochMillis}. */
    void add(String phase, long epochMillis) {
        if (epochMillis < origin || epochMillis > end) {
            return;
        }
        long at = epochMillis - origin;
        samples.merge("first:" + phase, at, Math::min);
        samples.merge("last:" + phase, at, Math::max);
    }

    /** The phase's time in ms from the origin, or null when it was not seen. */
    Long get(String key) {
        return samples.get(key);
    }

    /** The median over {@code timelines} of each row; null where no timeline has the phase. */
    static Map<String, Long> medians(List<PhaseTimeline> timelines) {
        Map<String, Long> result = new LinkedHashMap<>();
        for (String[] row : ROWS) {
            List<Long> values = new ArrayList<>();
            for (PhaseTimeline t : timelines) {
                Long v = t.get(row[1]);
                if (v != null) {
                    values.add(v);
                }
            }
            Collections.sort(values);
            result.put(row[1], values.isEmpty() ? null : values.get(values.size() / 2));
        }
        return result;
    }

    /**
     * Prints the median timeline of each variant side by side, with each variant's ratio to the
     * first (the baseline measured in the same run).
     */
    static void print(String title, Map<String, List<PhaseTimeline>> variants) {
        List<String> names = new ArrayList<>(variants.keySet());
        List<Map<String, Long>> medians = new ArrayList<>();
        for (String n : names) {
            medians.add(medians(variants.get(n)));
        }
        System.out.println();
        System.out.println(title + " (ms from CLI start, medians of " + variants.get(names.get(0)).size() + " runs each)");
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-52s", "phase"));
        for (int i = 0; i < names.size(); i++) {
            header.append(String.format(Locale.ROOT, " %12s", names.get(i)));
            if (i > 0) {
                header.append(String.format(Locale.ROOT, " %7s", "ratio"));
            }
        }
        System.out.println(header);
        for (String[] row : ROWS) {
            if (medians.stream().allMatch(m -> m.get(row[1]) == null)) {
                continue;
            }
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-52s", row[0]));
            Long base = medians.get(0).get(row[1]);
            for (int i = 0; i < names.size(); i++) {
                Long v = medians.get(i).get(row[1]);
                line.append(String.format(Locale.ROOT, " %12s", v == null ? "-" : Long.toString(v)));
                if (i > 0) {
                    line.append(String.format(Locale.ROOT, " %7s", v == null || base == null || base <= 0 ? "-"
                            : String.format(Locale.ROOT, "%.2f", (double) v / base)));
                }
            }
            System.out.println(line);
        }
    }
}
