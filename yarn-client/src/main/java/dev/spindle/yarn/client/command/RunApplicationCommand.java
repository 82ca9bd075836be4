package dev.spindle.yarn.client.command;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.conf.YarnConfiguration;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.yarn.client.deployment.DeployedApplication;
import dev.spindle.yarn.client.deployment.DeploymentException;
import dev.spindle.yarn.client.deployment.DeploymentRequest;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;
import dev.spindle.yarn.client.rest.RestClusterClient;

/**
 * {@code spindle run-application -t yarn-application [-d] -c <main> <jar> [args]}: deploys an
 * application cluster whose AM runs the program's main(); attached, follows it to the end and
 * exits 0 only when it succeeded.
 */
public final class RunApplicationCommand {

    private final HadoopConfLocator locator;

    public RunApplicationCommand() {
        this(new HadoopConfLocator());
    }

    public RunApplicationCommand(HadoopConfLocator locator) {
        this.locator = locator;
    }

    /**
     * @param jar local path or remote URI ({@code hdfs://...}, referenced in place) of the user jar
     * @param mainClass entry class, or null for the manifest's Main-Class
     * @return the process exit code
     */
    public int run(String jar, String mainClass, List<String> programArgs, Configuration effectiveConf, PrintStream out,
            PrintStream err) {
        Configuration conf = new Configuration(effectiveConf);
        conf.set(DeploymentOptions.TARGET, "yarn-application");
        Path workDir = null;
        try {
            URI jarUri = userJar(jar);
            YarnConfiguration yarnConf = YarnCommandContext.locate(locator, conf, out);
            workDir = Files.createTempDirectory("spindle-deploy-");
            try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(conf, yarnConf, out)) {
                String name = "Spindle application: " + (mainClass != null ? mainClass : new File(jarUri.getPath()).getName());
                DeployedApplication app = descriptor.deploy(new DeploymentRequest(conf,
                        DeploymentRequest.APPLICATION_MODE_ENTRYPOINT, name, jarUri, mainClass, programArgs, Map.of()), workDir);
                if (!conf.get(DeploymentOptions.ATTACHED)) {
                    printDetached(app, out);
                    return 0;
                }
                return follow(descriptor, app, out, err);
            }
        } catch (DeploymentException | IllegalConfigurationException | IllegalArgumentException e) {
            err.println(e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("run-application failed: " + e);
            return 1;
        } finally {
            if (workDir != null) {
                FileUtil.fullyDelete(workDir.toFile());
            }
        }
    }

    static URI userJar(String jar) {
        if (jar == null || jar.isBlank()) {
            throw new IllegalArgumentException("No user jar given: run-application needs the jar of the program to run.");
        }
        URI uri = URI.create(jar.replace(" ", "%20"));
        if (uri.getScheme() != null && !uri.getScheme().equals("file") && uri.getScheme().length() > 1) {
            return uri; // remote: checked by the file system when it is registered
        }
        Path local = Path.of(uri.getScheme() == null ? jar : uri.getPath()).toAbsolutePath();
        if (!Files.isRegularFile(local)) {
            throw new IllegalArgumentException("The user jar " + local + " does not exist or is not a file.");
        }
        return local.toUri();
    }

    static void printDetached(DeployedApplication app, PrintStream out) {
        String id = app.applicationId().toString();
        out.println("Application " + id + " submitted (detached).");
        out.println("Tracking URL: " + app.report().getTrackingUrl());
        out.println("Check on it:  yarn application -status " + id + "   |   spindle list -t yarn-application -Dyarn.application.id=" + id);
        out.println("Stop it:      yarn application -kill " + id);
    }

    /** Follows the application (YARN report) and its jobs (REST) until it ended; prints the outcome. */
    private static int follow(YarnClusterDescriptor descriptor, DeployedApplication app, PrintStream out, PrintStream err)
            throws Exception {
        JobWatcher watcher = new JobWatcher(app, out);
        ApplicationReport last = descriptor.waitForEnd(app.applicationId(), () -> watcher.poll(descriptor));
        FinalApplicationStatus status = last.getFinalApplicationStatus();
        String diagnostics = last.getDiagnostics() == null ? "" : last.getDiagnostics().trim();
        watcher.printResults();
        if (status == FinalApplicationStatus.SUCCEEDED) {
            out.println("Application " + app.applicationId() + " finished successfully."
                    + (diagnostics.isEmpty() ? "" : " " + diagnostics));
            return 0;
        }
        err.println("Application " + app.applicationId() + " ended " + status + ": "
                + (diagnostics.isEmpty() ? "YARN gave no diagnostics" : diagnostics));
        return 1;
    }

    /** Prints one line per job state change seen over REST while the AM is up. */
    private static final class JobWatcher {
        private final DeployedApplication app;
        private final PrintStream out;
        private final Map<String, RestClusterClient.JobSummary> jobs = new LinkedHashMap<>();
        private RestClusterClient rest;
        private String lastWorkers;

        JobWatcher(DeployedApplication app, PrintStream out) {
            this.app = app;
            this.out = out;
        }

        void poll(YarnClusterDescriptor descriptor) {
            try {
                if (rest == null) {
                    String url = app.restUrl();
                    if (url == null) {
                        ApplicationReport r = descriptor.report(app.applicationId());
                        url = r.getOriginalTrackingUrl();
                    }
                    if (url == null || url.isBlank() || url.equals("N/A")) {
                        return;
                    }
                    rest = new RestClusterClient(url, app.secret());
                }
                for (RestClusterClient.JobSummary j : rest.listJobs()) {
                    RestClusterClient.JobSummary before = jobs.get(j.id());
                    if (before == null || !before.status().equals(j.status())) {
                        RestClusterClient.JobSummary detailed = j.isTerminal() ? rest.job(j.id()) : j;
                        jobs.put(j.id(), detailed);
                        out.println("Job " + j.id() + " (" + j.name() + ") is " + j.status());
                    }
                }
                // A job is RUNNING as soon as it asks for slots, so the counts are shown until one ended.
                if (jobs.values().stream().noneMatch(RestClusterClient.JobSummary::isTerminal)) {
                    printWorkersIfChanged(rest.overview().get("workers"));
                }
            } catch (IOException | RuntimeException | org.apache.hadoop.yarn.exceptions.YarnException e) {
                // The AM may be starting or already gone; YARN's report decides the outcome.
            }
        }

        /** While the jobs wait for and use their TaskExecutors, the user sees where those are: one line per change. */
        private void printWorkersIfChanged(com.fasterxml.jackson.databind.JsonNode workers) {
            String line = WorkerProgress.describe(workers);
            if (line != null && !line.equals(lastWorkers)) {
                lastWorkers = line;
                out.println(line);
            }
        }

        void printResults() {
            for (RestClusterClient.JobSummary j : jobs.values()) {
                if (j.status().equals("FINISHED")) {
                    out.println("Job " + j.id() + " (" + j.name() + ") FINISHED in " + j.duration() + " ms"
                            + accumulators(j));
                } else if (j.failureCause() != null) {
                    out.println("Job " + j.id() + " (" + j.name() + ") " + j.status() + ": " + j.failureCause());
                }
            }
        }

        private static String accumulators(RestClusterClient.JobSummary j) {
            var acc = j.details() == null ? null : j.details().get("accumulators");
            return acc == null || acc.isEmpty() ? "" : ", accumulators " + acc;
        }
    }
}
