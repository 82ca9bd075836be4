package dev.spindle.yarn.client.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.yarn.api.records.ApplicationReport;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.api.records.QueueInfo;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.yarn.client.deployment.DeployedApplication;
import dev.spindle.yarn.client.deployment.DeploymentException;
import dev.spindle.yarn.client.deployment.DeploymentRequest;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;
import dev.spindle.yarn.client.session.ClusterLocator;
import dev.spindle.yarn.client.session.SessionPropertiesFile;

/**
 * {@code yarn-session.sh}: starts a session (attached or {@code -d}), attaches to one ({@code -id}),
 * stops one ({@code --stop}, or {@code stop} typed while attached) or queries the cluster ({@code -q}).
 */
public final class SessionCommand {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCommand.class);

    /** What the user asked for. */
    public enum Mode { START, ATTACH, STOP, QUERY }

    private final HadoopConfLocator locator;
    private final InputStream stdin;

    public SessionCommand(HadoopConfLocator locator, InputStream stdin) {
        this.locator = locator;
        this.stdin = stdin;
    }

    public int run(Mode mode, Configuration effectiveConf, PrintStream out, PrintStream err) throws Exception {
        Configuration conf = new Configuration(effectiveConf);
        conf.set(DeploymentOptions.TARGET, "yarn-session");
        YarnConfiguration yarnConf = YarnCommandContext.locate(locator, conf, out);
        try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(conf, yarnConf, out)) {
            return switch (mode) {
                case QUERY -> query(descriptor, out);
                case START -> start(descriptor, conf, out, err);
                case ATTACH, STOP -> {
                    ClusterLocator locatorOfCluster = new ClusterLocator(conf);
                    ClusterLocator.LocatedCluster cluster;
                    try {
                        cluster = locatorOfCluster.locate(descriptor);
                    } catch (IllegalArgumentException e) {
                        err.println("yarn-session.sh: " + e.getMessage());
                        yield 1;
                    }
                    if (cluster.hasEnded()) {
                        locatorOfCluster.propertiesFile().deleteIfNames(cluster.applicationId());
                        out.println(cluster.endedDescription());
                        yield mode == Mode.STOP ? 0 : 1;
                    }
                    yield mode == Mode.STOP ? stop(descriptor, cluster, locatorOfCluster.propertiesFile(), out, err)
                            : interact(descriptor, cluster, locatorOfCluster.propertiesFile(), out, err);
                }
            };
        }
    }

    private int start(YarnClusterDescriptor descriptor, Configuration conf, PrintStream out, PrintStream err)
            throws Exception {
        Path workDir = Files.createTempDirectory("spindle-deploy-");
        DeployedApplication app;
        try {
            app = descriptor.deploy(new DeploymentRequest(conf, DeploymentRequest.SESSION_MODE_ENTRYPOINT,
                    "Spindle session", null, null, List.of(), Map.of()), workDir);
        } catch (DeploymentException | IllegalConfigurationException e) {
            err.println(e.getMessage());
            return 1;
        } finally {
            FileUtil.fullyDelete(workDir.toFile());
        }
        String id = app.applicationId().toString();
        if (app.restUrl() == null) {
            err.println("Session " + id + " ended before it was ready: " + app.report().getFinalApplicationStatus() + " "
                    + app.report().getDiagnostics());
            return 1;
        }
        SessionPropertiesFile properties = SessionPropertiesFile.of(conf);
        try {
            properties.write(app.applicationId(), app.secret());
        } catch (IOException e) {
            err.println("Could not record session " + id + " for later clients (" + e.getMessage() + "); stopping it.");
            descriptor.kill(app.applicationId());
            return 1;
        }
        LOG.info("Session {} started; REST {}; properties file {}", id, app.restUrl(), properties.path());
        out.println("Spindle session " + id + " is running. Web UI / REST: " + app.restUrl()
                + " (through YARN: " + app.report().getTrackingUrl() + ")");
        out.println("Session recorded in " + properties.path() + " (owner-only), so 'spindle run' finds it.");
        if (!conf.get(DeploymentOptions.ATTACHED)) {
            out.println("Submit a job:   spindle run -c <main> <jar>   (or: spindle run -t yarn-session -id " + id + " ...)");
            out.println("Attach to it:   yarn-session.sh -id " + id);
            out.println("Stop it:        yarn-session.sh -id " + id + " --stop   (or: echo stop | yarn-session.sh -id " + id
                    + ")");
            return 0;
        }
        ClusterLocator.LocatedCluster cluster = new ClusterLocator.LocatedCluster(app.applicationId(), app.report(),
                app.secret(), app.stagingDir(), true);
        return interact(descriptor, cluster, properties, out, err);
    }

    /** Attached: stays until the user types stop/quit (stops the session), detaches (EOF, Ctrl-C + d) or the session ends. */
    private int interact(YarnClusterDescriptor descriptor, ClusterLocator.LocatedCluster cluster,
            SessionPropertiesFile properties, PrintStream out, PrintStream err) throws Exception {
        out.println("Attached to session " + cluster.applicationId() + " at " + cluster.restUrl()
                + ". Type 'stop' (or 'quit') to stop the session; end input (Ctrl-D) to detach and leave it running.");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> readLines(lines), "session-console");
        reader.setDaemon(true);
        reader.start();
        InterruptHandler.install(lines);
        try {
            while (true) {
                ApplicationReport report = descriptor.report(cluster.applicationId());
                if (isEnded(report)) {
                    properties.deleteIfNames(cluster.applicationId());
                    out.println("Session " + cluster.applicationId() + " ended: " + report.getFinalApplicationStatus()
                            + " " + report.getDiagnostics());
                    return report.getFinalApplicationStatus() == FinalApplicationStatus.SUCCEEDED ? 0 : 1;
                }
                String line = lines.poll(1, TimeUnit.SECONDS);
                if (line == null) {
                    continue;
                }
                // The markers are compared before trimming: trim() would strip their leading NUL.
                String command = line.equals(EOF) ? EOF : line.trim().toLowerCase(Locale.ROOT);
                if (line.equals(InterruptHandler.INTERRUPTED)) {
                    out.println("Stop the session (s) or only detach and leave it running (d)? [d]");
                    String answer = lines.poll(60, TimeUnit.SECONDS);
                    command = answer != null && !answer.equals(EOF) && answer.trim().toLowerCase(Locale.ROOT).startsWith("s")
                            ? "stop" : EOF;
                }
                switch (command) {
                    case "stop", "quit" -> {
                        return stop(descriptor, cluster, properties, out, err);
                    }
                    case EOF -> {
                        out.println("Detached; session " + cluster.applicationId() + " keeps running. Stop it with"
                                + " 'yarn-session.sh -id " + cluster.applicationId() + " --stop'.");
                        return 0;
                    }
                    case "" -> {
                    }
                    default -> out.println("Unknown command '" + line.trim() + "'; type 'stop' or 'quit' to stop the session.");
                }
            }
        } finally {
            InterruptHandler.uninstall();
        }
    }

    private static final String EOF = "\u0000eof";

    private void readLines(BlockingQueue<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException e) {
            LOG.debug("Console input ended: {}", e.toString());
        }
        lines.add(EOF);
    }

    /** Asks the session to shut down (jobs cancelled, containers released) and waits for YARN to report it ended. */
    private static int stop(YarnClusterDescriptor descriptor, ClusterLocator.LocatedCluster cluster,
            SessionPropertiesFile properties, PrintStream out, PrintStream err) throws Exception {
        out.println("Stopping session " + cluster.applicationId() + " ...");
        try {
            cluster.rest().shutDownCluster();
        } catch (IOException e) {
            // The AM may close its REST endpoint before the answer arrived; YARN's report tells.
            LOG.info("Shutdown request to {} ended with {}", cluster.applicationId(), e.toString());
        }
        ApplicationReport end = descriptor.waitForEnd(cluster.applicationId(), null);
        properties.deleteIfNames(cluster.applicationId());
        FinalApplicationStatus status = end.getFinalApplicationStatus();
        if (status == FinalApplicationStatus.SUCCEEDED) {
            out.println("Session " + cluster.applicationId() + " stopped: " + status + ".");
            return 0;
        }
        err.println("Session " + cluster.applicationId() + " ended " + status + ": " + end.getDiagnostics());
        return 1;
    }

    private static boolean isEnded(ApplicationReport report) {
        return switch (report.getYarnApplicationState()) {
            case FINISHED, FAILED, KILLED -> true;
            default -> false;
        };
    }

    private static int query(YarnClusterDescriptor descriptor, PrintStream out) throws Exception {
        List<NodeReport> nodes = descriptor.yarnClient().getNodeReports(NodeState.RUNNING);
        out.println("NodeManagers (" + nodes.size() + " running):");
        long memory = 0;
        long vcores = 0;
        for (NodeReport n : nodes) {
            memory += n.getCapability().getMemorySize();
            vcores += n.getCapability().getVirtualCores();
            out.println("  " + n.getNodeId() + "  memory " + n.getCapability().getMemorySize() + " MB (used "
                    + (n.getUsed() == null ? 0 : n.getUsed().getMemorySize()) + " MB), vcores "
                    + n.getCapability().getVirtualCores() + (n.getNodeLabels() == null || n.getNodeLabels().isEmpty()
                            ? "" : ", labels " + n.getNodeLabels()));
        }
        out.println("Total: memory " + memory + " MB, vcores " + vcores);
        out.println("Queues:");
        for (QueueInfo q : descriptor.yarnClient().getAllQueues()) {
            out.println("  " + q.getQueueName() + "  " + q.getQueueState() + ", capacity "
                    + Math.round(q.getCapacity() * 100) + "%, max " + Math.round(q.getMaximumCapacity() * 100) + "%, used "
                    + Math.round(q.getCurrentCapacity() * 100) + "%");
        }
        return 0;
    }

    /**
     * Ctrl-C while attached: instead of dying (and leaving the user unsure whether the session
     * still runs), the console loop asks whether to stop or detach.
     */
    private static final class InterruptHandler {
        static final String INTERRUPTED = "\u0000interrupted";
        private static sun.misc.SignalHandler previous;

        static synchronized void install(BlockingQueue<String> lines) {
            try {
                previous = sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> lines.add(INTERRUPTED));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                LOG.debug("Cannot handle Ctrl-C here: {}", e.toString());
            }
        }

        static synchronized void uninstall() {
            if (previous != null) {
                sun.misc.Signal.handle(new sun.misc.Signal("INT"), previous);
                previous = null;
            }
        }
    }

}
