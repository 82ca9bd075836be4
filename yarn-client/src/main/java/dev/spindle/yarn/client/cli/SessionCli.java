package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.MemorySize;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * {@code bin/yarn-session.sh}: parses the session options Flink users know and hands a
 * {@link SessionAction} to the handler registered for action {@code yarn-session}.
 */
public final class SessionCli {

    static final String USAGE = "yarn-session.sh [OPTIONS]";
    static final String DESCRIPTION = "Start a long-lived Spindle session on YARN, attach to one (-id), query the"
            + " cluster (-q) or stop a session (-id <appId> --stop).";

    private final Map<String, String> environment;
    private final ActionHandlerRegistry registry;

    public SessionCli(Map<String, String> environment, ActionHandlerRegistry registry) {
        this.environment = environment;
        this.registry = registry;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new SessionCli(System.getenv(), ActionHandlerRegistry.withDefaults()).execute(args, out, err);
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
        SessionAction action;
        try {
            action = parse(cl);
        } catch (CliArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        return new CliFrontend(environment, registry).runAction(action, out, err);
    }

    static SessionAction parse(CommandLine cl) throws CliArgumentException {
        if (!cl.getArgList().isEmpty()) {
            throw new CliArgumentException("yarn-session.sh: unexpected argument '" + cl.getArgList().get(0)
                    + "'. Run 'yarn-session.sh --help' for the options.");
        }
        String appId = cl.hasOption("id") ? CommonOptions.checkApplicationId(cl.getOptionValue("id")) : null;
        Integer slots = cl.hasOption("s") ? CommonOptions.positiveInt("-s/--slots", cl.getOptionValue("s")) : null;
        String[] ship = cl.getOptionValues("t");
        return new SessionAction(cl.getOptionValue("nm"), cl.getOptionValue("qu"), memory(cl, "jm"), memory(cl, "tm"),
                slots, cl.hasOption("d"), appId, cl.hasOption("q"), ship == null ? List.of() : Arrays.asList(ship),
                cl.getOptionValue("at"), cl.getOptionValue("nl"), cl.hasOption("stop"),
                CommonOptions.dynamicProperties(cl));
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
