package dev.spindle.yarn.client.deployment;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.security.Credentials;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.ApplicationSubmissionContext;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.YarnApplicationState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.client.api.YarnClientApplication;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.exceptions.YarnException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.SecurityOptions;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.configuration.memory.JobManagerProcessSpec;
import dev.spindle.configuration.memory.ProcessMemorySpec;
import dev.spindle.runtime.metrics.PhaseLog;
import dev.spindle.runtime.security.ClusterSecret;
import dev.spindle.yarn.client.api.DeploymentException;
import dev.spindle.yarn.client.api.ProgressListener;
import dev.spindle.yarn.client.cluster.ApplicationReports;
import dev.spindle.yarn.client.cluster.RootCause;
import dev.spindle.runtime.security.tls.TransportSecurity;
import dev.spindle.yarn.client.preflight.PreflightChecks;
import dev.spindle.yarn.client.preflight.PreflightContext;
import dev.spindle.yarn.client.preflight.PreflightException;
import dev.spindle.yarn.client.staging.ClusterSecretFile;
import dev.spindle.yarn.client.staging.FrameworkJarCache;
import dev.spindle.yarn.client.staging.KeytabUpload;
import dev.spindle.yarn.client.staging.JarDigestMemo;
import dev.spindle.yarn.client.staging.LaunchSpecUpload;
import dev.spindle.yarn.client.staging.StagingDirectories;
import dev.spindle.yarn.client.staging.StagingPlan;
import dev.spindle.yarn.client.staging.StagingResult;
import dev.spindle.yarn.client.staging.StagingSweeper;
import dev.spindle.yarn.client.staging.StagingUploader;
import dev.spindle.yarn.client.security.ClientDelegationTokens;
import dev.spindle.yarn.client.security.ClientKerberosLogin;
import dev.spindle.yarn.client.security.TokenLifetimeWarning;
import dev.spindle.yarn.common.ContainerLayout;
import dev.spindle.yarn.common.EntrypointMode;
import dev.spindle.yarn.common.security.KerberosLoginSettings;
import dev.spindle.yarn.common.LaunchSpec;

/**
 * Deploys Spindle clusters on YARN (stage, submit, wait until RUNNING with progress lines), finds
 * them again by application id, and kills them. The deployment path is the same for every mode;
 * the mode is the AM entrypoint in the {@link DeploymentRequest}.
 */
public final class YarnClusterDescriptor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(YarnClusterDescriptor.class);

    private final Configuration configuration;
    private final YarnConfiguration yarnConf;
    private final YarnClient yarnClient;
    private final FileSystem fs;
    private final ProgressListener listener;
    // One per application, so that following it after deployment does not repeat the last line.
    private final Map<ApplicationId, ApplicationProgress> progress = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param listener hears the deployment's progress lines (staging, submission, YARN state changes) */
    public YarnClusterDescriptor(Configuration configuration, YarnConfiguration yarnConf, ProgressListener listener)
            throws IOException, PreflightException {
        this.configuration = configuration;
        this.yarnConf = yarnConf;
        this.listener = listener;
        // Before the first YARN or HDFS call: every one of them authenticates as this login.
        ClientKerberosLogin.login(configuration, yarnConf);
        this.yarnClient = YarnClient.createYarnClient();
        yarnClient.init(yarnConf);
        yarnClient.start();
        // Our own instance: closing it must not close a cached FileSystem someone else holds.
        // Not closed automatically at JVM exit: the deployment guard (a shutdown hook) still needs it.
        org.apache.hadoop.conf.Configuration fsConf = new org.apache.hadoop.conf.Configuration(yarnConf);
        fsConf.setBoolean("fs.automatic.close", false);
        this.fs = FileSystem.newInstance(fsConf);
        PhaseLog.mark("cluster-clients-started", "rm=" + yarnConf.get(YarnConfiguration.RM_ADDRESS));
    }

    /** The client's configuration (e.g. its security.ssl.* keys). */
    public Configuration configuration() {
        return configuration;
    }

    public YarnClient yarnClient() {
        return yarnClient;
    }

    public FileSystem fileSystem() {
        return fs;
    }

    public org.apache.hadoop.fs.Path stagingRoot() throws IOException {
        return StagingDirectories.root(fs, configuration);
    }

    /** Removes staging dirs of ended applications under the staging root ({@code spindle clean}, every deployment). */
    public List<org.apache.hadoop.fs.Path> sweepStagingDirs() throws IOException {
        return sweepStagingDirs(null);
    }

    /** As {@link #sweepStagingDirs()}, leaving the dir of the application being deployed alone. */
    private List<org.apache.hadoop.fs.Path> sweepStagingDirs(ApplicationId deploying) throws IOException {
        return new StagingSweeper(yarnClient, fs, configuration.get(YarnConfigOptions.STAGING_SWEEP_MIN_AGE))
                .sweep(stagingRoot(), deploying);
    }

    /**
     * Stages and submits the cluster, then waits until the AM runs (or the application already
     * ended). A client killed meanwhile kills the application and removes its staging dir.
     */
    public DeployedApplication deploy(DeploymentRequest request, Path localWorkDir) throws DeploymentException {
        return deploy(request, localWorkDir, false);
    }

    /**
     * {@link #deploy(DeploymentRequest, Path)}, returning already once YARN accepted the application
     * when {@code untilAccepted} (detached per-job: the client has nothing to wait for).
     */
    public DeployedApplication deploy(DeploymentRequest request, Path localWorkDir, boolean untilAccepted)
            throws DeploymentException {
        Configuration conf = request.configuration();
        ProcessMemorySpec memory = JobManagerProcessSpec.fromConfiguration(conf);
        PreflightChecks.run(PreflightChecks.LOCAL,
                new PreflightContext(conf, request.userJar(), request.mainClass(), yarnConf, yarnClient, fs, null));

        YarnClientApplication app;
        long connectStart = System.nanoTime();
        try {
            // A new application id only: nothing exists on the cluster until it is submitted.
            app = yarnClient.createApplication();
        } catch (YarnException | IOException e) {
            // The time really waited, so the message stays honest whatever the IPC layer did.
            long waitedSeconds = Math.round((System.nanoTime() - connectStart) / 1e9);
            throw new PreflightException("The ResourceManager at " + yarnConf.get(YarnConfiguration.RM_ADDRESS)
                    + " is unreachable (gave up after " + waitedSeconds + " s, "
                    + YarnConfigOptions.CLIENT_RM_CONNECT_MAX_WAIT.key() + "): " + RootCause.message(e) + ". Check that it runs and that "
                    + YarnConfiguration.RM_ADDRESS + " in the yarn-site.xml of HADOOP_CONF_DIR names it.", e);
        }
        ApplicationId appId = app.getNewApplicationResponse().getApplicationId();
        PhaseLog.mark("application-created", "app=" + appId);
        PreflightChecks.run(PreflightChecks.CLUSTER, new PreflightContext(conf, request.userJar(), request.mainClass(),
                yarnConf, yarnClient, fs, app.getNewApplicationResponse().getMaximumResourceCapability()));
        PhaseLog.mark("cluster-checked", "app=" + appId);
        org.apache.hadoop.fs.Path stagingDir;
        try {
            stagingDir = StagingDirectories.forApplication(stagingRoot(), appId);
        } catch (IOException e) {
            throw new DeploymentException("Cannot determine the staging dir: " + e.getMessage(), e);
        }
        ClusterSecret secret = ClusterSecret.generate().withTransport(TransportSecurity.from(conf));
        DeploymentGuard guard = new DeploymentGuard(appId, stagingDir);
        Runtime.getRuntime().addShutdownHook(guard);
        // Started right before the try, so that its join in the finally is never skipped.
        CompletableFuture<Void> sweep = sweepInBackground(appId);
        try {
            // Before anything is uploaded: a file system that gives no token fails the deployment here.
            Credentials tokens = ClientDelegationTokens.obtain(conf, yarnConf, fs);
            KerberosLoginSettings login = KerberosLoginSettings.from(conf);
            TokenLifetimeWarning.check(login, tokens, EntrypointMode.ofMainClass(request.entrypointClass()), Instant.now())
                    .ifPresent(listener::progress);
            TokenLifetimeWarning.checkLaterAttempts(login, tokens, Math.min(conf.get(YarnConfigOptions.APPLICATION_ATTEMPTS),
                    yarnConf.getInt(YarnConfiguration.RM_AM_MAX_ATTEMPTS, YarnConfiguration.DEFAULT_RM_AM_MAX_ATTEMPTS)),
                    yarnConf.getBoolean(YarnConfiguration.RM_PROXY_USER_PRIVILEGES_ENABLED,
                            YarnConfiguration.DEFAULT_RM_PROXY_USER_PRIVILEGES_ENABLED), Instant.now()).ifPresent(listener::progress);
            PhaseLog.mark("credentials-ready", "app=" + appId);
            StagingResult staging = stage(request, stagingDir, localWorkDir);
            PhaseLog.mark("staged", "app=" + appId);
            ClusterSecretFile.write(fs, stagingDir, secret);
            if (login.hasKeytab()) {
                staging = staging.withResource(ContainerLayout.KEYTAB_FILE, KeytabUpload.write(fs, stagingDir, login.keytab()));
            }
            // Written last: it lists everything staged before it.
            LaunchSpec spec = LaunchSpecFactory.create(request, staging, stagingDir.toString(), yarnConf);
            LocalResource specResource = LaunchSpecUpload.write(fs, stagingDir, spec);
            ContainerLaunchContext amContainer = AppMasterContainerFactory.create(spec, specResource, memory, secret, tokens);

            ApplicationSubmissionContext ctx = app.getApplicationSubmissionContext();
            describeApplication(ctx, conf, request, memory);
            ctx.setAMContainerSpec(amContainer);
            describeStaging(request, staging);
            // + 1: the launch spec, written after staging.
            listener.progress("Submitting application " + appId + " (AM " + memory.getTotalProcessMemory().getMebiBytes()
                    + " MB, " + (staging.uploaded().size() + 1) + " files uploaded to " + stagingDir + ")");
            guard.submitted = true;
            yarnClient.submitApplication(ctx);
            PhaseLog.mark("submitted", "app=" + appId);
            LOG.info("Submitted application {} with staging dir {}", appId, stagingDir);
            ApplicationReport report = waitUntilRunning(appId, ctx.getResource(),
                    conf.getOptional(YarnConfigOptions.DEPLOYMENT_TIMEOUT).orElse(null), untilAccepted);
            PhaseLog.mark("client-saw-" + report.getYarnApplicationState().name().toLowerCase(java.util.Locale.ROOT), "app=" + appId);
            return new DeployedApplication(appId, secret, report, stagingDir, staging);
        } catch (DeploymentException e) {
            guard.cleanUp("deployment failed");
            throw e;
        } catch (Exception e) {
            guard.cleanUp("deployment failed");
            throw new DeploymentException("Deploying application " + appId + " failed: " + e.getMessage(), e);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(guard);
            } catch (IllegalStateException ignored) {
                // the JVM is already shutting down; the hook runs
            }
            // a client that exits next must not cut a removal short
            sweep.join();
        }
    }

    /**
     * Sweeps old staging dirs off the deployment's path (it lists every cache dir): it removes only
     * what ended applications and aborted uploads older than the sweep's minimum age left, never the
     * dir of {@code deploying}.
     */
    private CompletableFuture<Void> sweepInBackground(ApplicationId deploying) {
        return CompletableFuture.runAsync(() -> {
            try {
                sweepStagingDirs(deploying);
            } catch (IOException | RuntimeException e) {
                LOG.warn("Could not sweep old staging dirs under the staging root: {}", e.getMessage());
            }
            PhaseLog.mark("staging-swept", "app=" + deploying);
        }, r -> {
            Thread t = new Thread(r, "staging-sweep " + deploying);
            t.setDaemon(true);
            t.start();
        });
    }

    private void describeStaging(DeploymentRequest request, StagingResult staging) {
        long provided = 0;
        long cached = 0;
        for (String link : staging.frameworkJarLinks()) {
            LocalResource r = staging.resources().get(link);
            if (r.getVisibility() == LocalResourceVisibility.PUBLIC) {
                provided++;
            } else if (!staging.uploaded().contains(link)) {
                cached++;
            }
        }
        listener.progress("Framework: " + staging.frameworkJarLinks().size() + " files, " + provided + " from "
                + YarnConfigOptions.PROVIDED_LIB_DIRS.key() + ", " + cached + " cached by earlier deployments, "
                + (staging.frameworkJarLinks().size() - provided - cached) + " uploaded");
        if (staging.userJarLink() != null && !staging.uploaded().contains(staging.userJarLink())) {
            listener.progress("User jar " + request.userJar() + " is referenced in place (not uploaded)");
        }
    }

    private StagingResult stage(DeploymentRequest request, org.apache.hadoop.fs.Path stagingDir, Path localWorkDir)
            throws IOException {
        Configuration conf = request.configuration();
        Map<String, String> confFiles = new LinkedHashMap<>();
        // The configuration itself travels in the launch spec.
        confFiles.put(ContainerLayout.LOG4J_FILE, LogConfiguration.resolve(conf));
        if (request.extraConfFiles() != null) {
            confFiles.putAll(request.extraConfFiles());
        }
        java.util.Optional<String> krb5Conf = conf.getOptional(SecurityOptions.KERBEROS_KRB5_CONF_PATH);
        if (krb5Conf.isPresent()) {
            Path krb5 = Path.of(krb5Conf.get());
            if (!Files.isRegularFile(krb5) || !Files.isReadable(krb5)) {
                throw new IOException("The krb5.conf " + krb5 + " (" + SecurityOptions.KERBEROS_KRB5_CONF_PATH.key()
                        + ") is not a readable file");
            }
            confFiles.put(ContainerLayout.KRB5_CONF_FILE, Files.readString(krb5));
        }
        List<Path> hadoopSiteFiles = new ArrayList<>();
        for (String name : HadoopConfLocator.SITE_FILES) {
            // The containers need to find the RM and HDFS the way this client does.
            Path f = localWorkDir.resolve("hadoop-conf").resolve(name);
            Files.createDirectories(f.getParent());
            try (OutputStream os = Files.newOutputStream(f)) {
                siteFileContent(name).writeXml(os);
            }
            hadoopSiteFiles.add(f);
        }
        List<URI> provided = new ArrayList<>();
        for (String dir : conf.getOptional(YarnConfigOptions.PROVIDED_LIB_DIRS).orElse(List.of())) {
            provided.add(fs.makeQualified(new org.apache.hadoop.fs.Path(dir)).toUri());
        }
        StagingPlan plan = new StagingPlan(FrameworkClasspath.resolve(localWorkDir.resolve("framework")), provided,
                request.userJar(), confFiles, hadoopSiteFiles, paths(conf.getOptional(YarnConfigOptions.SHIP_FILES)),
                paths(conf.getOptional(YarnConfigOptions.SHIP_ARCHIVES)),
                request.rootFiles() == null ? Map.of() : request.rootFiles());
        JarDigestMemo digests = conf.get(YarnConfigOptions.JAR_DIGEST_MEMO) ? JarDigestMemo.inFile(JarDigestMemo.defaultFile())
                : JarDigestMemo.inMemory();
        FrameworkJarCache cache = new FrameworkJarCache(fs, new org.apache.hadoop.fs.Path(stagingRoot(), FrameworkJarCache.DIR_NAME),
                digests);
        return new StagingUploader(fs, stagingDir, conf.get(YarnConfigOptions.FILE_REPLICATION), cache).upload(plan);
    }

    /** The client's Hadoop settings for one site file, without Hadoop's defaults (they are in every jar). */
    private org.apache.hadoop.conf.Configuration siteFileContent(String name) {
        org.apache.hadoop.conf.Configuration c = new org.apache.hadoop.conf.Configuration(false);
        for (Map.Entry<String, String> e : yarnConf) {
            String k = e.getKey();
            boolean yarnKey = k.startsWith("yarn.");
            boolean dfsKey = k.startsWith("dfs.");
            String[] sources = yarnConf.getPropertySources(k);
            boolean fromSite = sources != null && sources.length > 0 && sources[sources.length - 1].endsWith("-site.xml");
            if (!fromSite) {
                continue;
            }
            if ((name.equals("yarn-site.xml") && yarnKey) || (name.equals("hdfs-site.xml") && dfsKey)
                    || (name.equals("core-site.xml") && !yarnKey && !dfsKey)) {
                c.set(k, e.getValue());
            }
        }
        return c;
    }

    private static List<Path> paths(java.util.Optional<List<String>> values) {
        List<Path> result = new ArrayList<>();
        for (String v : values.orElse(List.of())) {
            result.add(Path.of(v));
        }
        return result;
    }

    private void describeApplication(ApplicationSubmissionContext ctx, Configuration conf, DeploymentRequest request,
            ProcessMemorySpec memory) {
        ctx.setApplicationName(conf.getOptional(YarnConfigOptions.APPLICATION_NAME).orElse(request.defaultName()));
        ctx.setApplicationType(conf.get(YarnConfigOptions.APPLICATION_TYPE));
        conf.getOptional(YarnConfigOptions.APPLICATION_QUEUE).ifPresent(ctx::setQueue);
        int priority = conf.get(YarnConfigOptions.APPLICATION_PRIORITY);
        if (priority >= 0) {
            ctx.setPriority(Priority.newInstance(priority));
        }
        String tags = conf.get(YarnConfigOptions.TAGS);
        if (!tags.isBlank()) {
            Set<String> tagSet = new HashSet<>();
            for (String t : tags.split(",")) {
                if (!t.isBlank()) {
                    tagSet.add(t.trim());
                }
            }
            ctx.setApplicationTags(tagSet);
        }
        conf.getOptional(YarnConfigOptions.APPLICATION_NODE_LABEL).ifPresent(ctx::setNodeLabelExpression);
        ctx.setMaxAppAttempts(conf.get(YarnConfigOptions.APPLICATION_ATTEMPTS));
        ctx.setResource(Resource.newInstance(memory.getTotalProcessMemory().getMebiBytes(),
                conf.get(YarnConfigOptions.APPMASTER_VCORES)));
        // A later attempt takes the running TaskExecutors over (they find it through the staging dir)
        // instead of waiting for new containers and JVMs.
        ctx.setKeepContainersAcrossApplicationAttempts(conf.get(YarnConfigOptions.APPLICATION_ATTEMPTS) > 1);
    }

    private ApplicationReport waitUntilRunning(ApplicationId appId, Resource amAsk, Duration timeout, boolean untilAccepted)
            throws Exception {
        ApplicationProgress progress = progressOf(appId);
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        ReportPoll poll = new ReportPoll();
        while (true) {
            ApplicationReport report = yarnClient.getApplicationReport(appId);
            YarnApplicationState state = report.getYarnApplicationState();
            if (state == YarnApplicationState.RUNNING || ApplicationReports.ENDED.contains(state)
                    || (untilAccepted && state == YarnApplicationState.ACCEPTED)) {
                progress.update(report);
                return report;
            }
            String queue = QueueResources.describe(yarnClient, report.getQueue());
            progress.update(report, queue);
            if (System.nanoTime() > deadline) {
                String why = report.getDiagnostics() == null || report.getDiagnostics().isBlank()
                        ? "YARN gave no diagnostics" : report.getDiagnostics().trim().replace('\n', ' ').replaceAll("[;\\s]+$", "");
                throw new DeploymentException("Application " + appId + " was not RUNNING after "
                        + timeout.toMillis() + " ms (" + YarnConfigOptions.DEPLOYMENT_TIMEOUT.key() + "); it was "
                        + state + " in queue " + report.getQueue() + " asking for an AM container of " + amAsk.getMemorySize()
                        + " MB and " + amAsk.getVirtualCores() + " vcores: " + why
                        + (queue.isEmpty() ? "" : "; " + queue) + ". It was killed.");
            }
            Thread.sleep(poll.afterSeeing(state)); // YARN offers no push notification of report changes
        }
    }

    /** Polls until the application ended, printing a line per change; returns the final report. */
    public ApplicationReport waitForEnd(ApplicationId appId, Runnable onEachPoll) throws Exception {
        ApplicationProgress progress = progressOf(appId);
        ReportPoll poll = new ReportPoll();
        while (true) {
            ApplicationReport report = yarnClient.getApplicationReport(appId);
            progress.update(report);
            if (ApplicationReports.ended(report)) {
                return report;
            }
            if (onEachPoll != null) {
                onEachPoll.run();
            }
            Thread.sleep(poll.afterSeeing(report.getYarnApplicationState()));
        }
    }

    private ApplicationProgress progressOf(ApplicationId appId) {
        return progress.computeIfAbsent(appId, id -> new ApplicationProgress(listener));
    }

    public ApplicationReport report(ApplicationId appId) throws IOException, YarnException {
        return yarnClient.getApplicationReport(appId);
    }

    /** Kills the application and removes its staging dir. */
    public void kill(ApplicationId appId) throws IOException, YarnException {
        yarnClient.killApplication(appId);
        fs.delete(StagingDirectories.forApplication(stagingRoot(), appId), true);
    }

    @Override
    public void close() throws IOException {
        yarnClient.stop();
        fs.close();
    }

    /**
     * Kills a half-deployed application and removes its staging dir, when the deployment fails or
     * the client JVM is shut down (Ctrl-C) before the application is RUNNING.
     */
    private final class DeploymentGuard extends Thread {
        private final ApplicationId appId;
        private final org.apache.hadoop.fs.Path stagingDir;
        private volatile boolean submitted;
        private boolean done;

        DeploymentGuard(ApplicationId appId, org.apache.hadoop.fs.Path stagingDir) {
            super("spindle-deployment-guard");
            this.appId = appId;
            this.stagingDir = stagingDir;
        }

        @Override
        public void run() {
            cleanUp("client shut down during deployment");
        }

        synchronized void cleanUp(String why) {
            if (done) {
                return;
            }
            done = true;
            try {
                if (submitted) {
                    yarnClient.killApplication(appId);
                }
            } catch (Exception e) {
                LOG.warn("Could not kill application {} after {}: {}", appId, why, e.getMessage());
            }
            try {
                fs.delete(stagingDir, true);
            } catch (Exception e) {
                LOG.warn("Could not remove staging dir {} after {}: {}", stagingDir, why, e.getMessage());
            }
            LOG.info("Application {} killed and staging dir {} removed: {}", appId, stagingDir, why);
        }
    }
}
