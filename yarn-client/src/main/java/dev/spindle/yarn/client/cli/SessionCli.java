package dev.spindle.yarn.client.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.configuration.JobManagerOptions;
import dev.spindle.configuration.MemorySize;
import dev.spindle.configuration.TaskManagerOptions;
import dev.spindle.configuration.YarnConfigOptions;
import dev.spindle.yarn.client.ClusterClients;
import dev.spindle.yarn.client.api.ApplicationStatus;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.ClusterClientFactory;
import dev.spindle.yarn.client.api.ClusterResources;
import dev.spindle.yarn.client.api.DeploymentResult;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.SpindleClientException;

/**
 * {@code bin/yarn-session.sh}: starts a session (attached or {@code -d}), attaches to one
 * ({@code -id}), stops one ({@code --stop}) or queries the cluster ({@code -q}), with the options
 * Flink users know, through the session target's {@link ClusterClient}.
 */
public final class SessionCli {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCli.class);

    static final String USAGE = "yarn-session.sh [OPTIONS]";
    static final String DESCRIPTION = "Start a long-lived Spindle session on YARN, attach to one (-id), query the"
            + " cluster (-q) or stop a session (-id <appId> --stop).";

    private final Map<String, String> environment;
    private final ClusterClientFactory clients;

    public SessionCli(Map<String, String> environment, ClusterClientFactory clients) {
        this.environment = environment;
        this.clients = clients;
    }

    public static void main(String[] args) {
        System.exit(new SessionCli(System.getenv(), new ClusterClients()).execute(args, System.out, System.err));
    }

    static Options options() {
        return new Options()
                .addOption(Option.builder("nm").longOpt("name").hasArg().argName("name")
                        .desc("Name of the YARN application.").build())
                .addOption(Option.builder("qu").longOpt("queue").hasArg().argName("queue")
                        .desc("YARN queue to run in.").build())
                .addOption(Option.builder("jm").longOpt("jobManagerMemory").hasArg().argName("size")
                        .desc("JobManager (AM) process memory, e.g. 1024m or 2g; a bare number is MB.").build())
                .addOption(Option.builder("tm").longOpt("taskManagerMemory").hasArg().argName("size")
                        .desc("TaskExecutor process memory, e.g. 1024m or 2g; a bare number is MB.").build())
                .addOption(Option.builder("s").longOpt("slots").hasArg().argName("n")
                        .desc("Slots per TaskExecutor.").build())
                .addOption(Option.builder("d").longOpt("detached")
                        .desc("Start the session and return; print how to use and stop it.").build())
                .addOption(Option.builder("id").longOpt("applicationId").hasArg().argName("appId")
                        .desc("Attach to (or with --stop, stop) a running session.").build())
                .addOption(Option.builder("q").longOpt("query")
                        .desc("Print the NodeManagers, their memory and vcores, and the queues, then exit.").build())
                .addOption(Option.builder("t").longOpt("ship").hasArg().argName("path")
                        .desc("Ship this file or directory to the cluster (repeatable).").build())
                .addOption(Option.builder("at").longOpt("applicationType").hasArg().argName("type")
                        .desc("YARN application type (default: Spindle).").build())
                .addOption(Option.builder("nl").longOpt("nodeLabel").hasArg().argName("label")
                        .desc("YARN node label for the session's containers.").build())
                .addOption(Option.builder().longOpt("stop")
                        .desc("Stop the session given by -id (or the one in the .yarn-properties file).").build())
                .addOption(CommonOptions.dynamicProperty())
                .addOption(Option.builder("h").longOpt("help").desc("Show this help.").build());
    }

    /** Runs {@code yarn-session.sh}; returns the exit code. */
    public int execute(String[] args, PrintStream out, PrintStream err) {
        String hint = " Run 'yarn-session.sh --help' for the options.";
        CommandLine cl;
        try {
            cl = new DefaultParser().parse(options(), DynamicPropertyTokens.normalize(args, options(), false), false);
        } catch (UnrecognizedOptionException e) {
            err.println("yarn-session.sh: unknown option '" + e.getOption() + "'." + hint);
            return 1;
        } catch (MissingArgumentException e) {
            err.println("yarn-session.sh: option -" + e.getOption().getOpt() + " needs a value ("
                    + e.getOption().getArgName() + ")." + hint);
            return 1;
        } catch (ParseException e) {
            err.println("yarn-session.sh: " + e.getMessage() + "." + hint);
            return 1;
        }
        if (cl.hasOption("h")) {
            HelpPrinter.options(USAGE, DESCRIPTION, options(), out);
            return 0;
        }
        try {
            if (!cl.getArgList().isEmpty()) {
                throw new CliArgumentException("yarn-session.sh: unexpected argument '" + cl.getArgList().get(0)
                        + "'. Run 'yarn-session.sh --help' for the options.");
            }
            Configuration configuration = new CliContext("yarn-session.sh", environment, clients, null, out, err)
                    .configuration(cl, flags(cl));
            boolean starts = !cl.hasOption("q") && !cl.hasOption("stop") && !cl.hasOption("id");
            if (starts) {
                CliContext.checkContainerMemory(configuration);
            }
            try (ClusterClient client = clients.create(DeploymentTarget.YARN_SESSION, configuration,
                    new ConsoleProgress(out, err))) {
                if (cl.hasOption("q")) {
                    return query(client.clusterResources(), out);
                }
                if (cl.hasOption("stop")) {
                    return stop(client, out, err);
                }
                if (cl.hasOption("id")) {
                    ApplicationStatus status = client.status();
                    if (status.ended()) {
                        ApplicationFormat.ended(status, out);
                        return 1;
                    }
                    return new SessionConsole(client, out).attach(status);
                }
                return start(client, configuration, out);
            }
        } catch (CliArgumentException e) {
            err.println(e.getMessage());
        } catch (SpindleClientException | IllegalConfigurationException e) {
            err.println("yarn-session.sh: " + e.getMessage());
        } catch (Exception e) {
            LOG.error("yarn-session.sh failed", e);
            err.println("yarn-session.sh failed: " + e);
        }
        return 1;
    }

    /** Checks the flags; returns what writes them into the configuration (after -D, so flags win). */
    private static Consumer<Configuration> flags(CommandLine cl) throws CliArgumentException {
        String appId = cl.hasOption("id") ? CommonOptions.checkApplicationId(cl.getOptionValue("id")) : null;
        Integer slots = cl.hasOption("s") ? CommonOptions.positiveInt("-s/--slots", cl.getOptionValue("s")) : null;
        MemorySize jobManager = memory(cl, "jm");
        MemorySize taskManager = memory(cl, "tm");
        String[] ship = cl.getOptionValues("t");
        return configuration -> {
            DeploymentTarget.YARN_SESSION.applyTo(configuration);
            setIfPresent(configuration, YarnConfigOptions.APPLICATION_NAME.key(), cl.getOptionValue("nm"));
            setIfPresent(configuration, YarnConfigOptions.APPLICATION_QUEUE.key(), cl.getOptionValue("qu"));
            setIfPresent(configuration, YarnConfigOptions.APPLICATION_TYPE.key(), cl.getOptionValue("at"));
            setIfPresent(configuration, YarnConfigOptions.APPLICATION_NODE_LABEL.key(), cl.getOptionValue("nl"));
            setIfPresent(configuration, YarnConfigOptions.APPLICATION_ID.key(), appId);
            if (ship != null) {
                configuration.setString(YarnConfigOptions.SHIP_FILES.key(), String.join(";", Arrays.asList(ship)));
            }
            if (jobManager != null) {
                configuration.set(JobManagerOptions.TOTAL_PROCESS_MEMORY, jobManager);
            }
            if (taskManager != null) {
                configuration.set(TaskManagerOptions.TOTAL_PROCESS_MEMORY, taskManager);
            }
            if (slots != null) {
                configuration.set(TaskManagerOptions.NUM_TASK_SLOTS, slots);
            }
            if (cl.hasOption("d")) {
                configuration.set(DeploymentOptions.ATTACHED, false);
            }
        };
    }

    private static void setIfPresent(Configuration configuration, String key, String value) {
        if (value != null) {
            configuration.setString(key, value);
        }
    }

    private static int start(ClusterClient client, Configuration configuration, PrintStream out) throws Exception {
        DeploymentResult session = client.deployCluster();
        String id = session.applicationId();
        if (session.detached()) {
            out.println("Submit a job:   spindle run -c <main> <jar>   (or: spindle run -t " + DeploymentTarget.YARN_SESSION + " -id " + id
                    + " ...)");
            out.println("Attach to it:   yarn-session.sh -id " + id);
            out.println("Stop it:        yarn-session.sh -id " + id + " --stop   (or: echo stop | yarn-session.sh -id " + id
                    + ")");
            return 0;
        }
        return new SessionConsole(client, out).attach(client.status());
    }

    /** Stops the session and says how it ended; an already ended one is only described. */
    static int stop(ClusterClient client, PrintStream out, PrintStream err) throws SpindleClientException {
        ApplicationStatus before = client.status();
        if (before.ended()) {
            ApplicationFormat.ended(before, out);
            return 0;
        }
        ApplicationStatus end = client.shutDownCluster();
        if (end.succeeded()) {
            out.println("Session " + end.applicationId() + " stopped: " + end.finalStatus() + ".");
            return 0;
        }
        err.println("Session " + end.applicationId() + " ended " + end.finalStatus() + ": " + end.diagnostics());
        return 1;
    }

    private static int query(ClusterResources resources, PrintStream out) {
        out.println("NodeManagers (" + resources.nodes().size() + " running):");
        long memory = 0;
        long vcores = 0;
        for (ClusterResources.Node n : resources.nodes()) {
            memory += n.memoryMb();
            vcores += n.vcores();
            out.println("  " + n.id() + "  memory " + n.memoryMb() + " MB (used " + n.usedMemoryMb() + " MB), vcores "
                    + n.vcores() + (n.labels().isEmpty() ? "" : ", labels " + n.labels()));
        }
        out.println("Total: memory " + memory + " MB, vcores " + vcores);
        out.println("Queues:");
        for (ClusterResources.Queue q : resources.queues()) {
            out.println("  " + q.name() + "  " + q.state() + ", capacity " + Math.round(q.capacity() * 100) + "%, max "
                    + Math.round(q.maximumCapacity() * 100) + "%, used " + Math.round(q.currentCapacity() * 100) + "%");
        }
        return 0;
    }

    private static MemorySize memory(CommandLine cl, String opt) throws CliArgumentException {
        String value = cl.getOptionValue(opt);
        if (value == null) {
            return null;
        }
        try {
            return MemorySize.parse(value, MemorySize.Unit.MEGA);
        } catch (IllegalArgumentException e) {
            throw new CliArgumentException("yarn-session.sh: invalid value '" + value + "' for -" + opt + ": "
                    + e.getMessage());
        }
    }
}
