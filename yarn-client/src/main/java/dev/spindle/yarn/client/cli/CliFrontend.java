package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.ConfigurationValidator;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.configuration.memory.JobManagerProcessSpec;
import dev.spindle.configuration.memory.TaskExecutorProcessSpec;
import dev.spindle.runtime.program.ProgramInvocationException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bin/spindle}: parses the action and its options, builds the effective configuration and
 * hands both to the action's {@link ActionHandler}.
 */
public final class CliFrontend {

    private static final Logger LOG = LoggerFactory.getLogger(CliFrontend.class);

    private final Map<String, String> environment;
    private final ActionHandlerRegistry registry;

    public CliFrontend(Map<String, String> environment, ActionHandlerRegistry registry) {
        this.environment = environment;
        this.registry = registry;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the CLI; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return new CliFrontend(System.getenv(), ActionHandlerRegistry.withDefaults()).execute(args, out, err);
    }

    public int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            HelpPrinter.general(CliActions.all(), err);
            return 1;
        }
        String first = args[0];
        if (first.equals("-h") || first.equals("--help")) {
            HelpPrinter.general(CliActions.all(), out);
            return 0;
        }
        if (first.equals("-v") || first.equals("--version")) {
            out.println("Spindle " + Version.get());
            return 0;
        }
        if (first.startsWith("-")) {
            err.println("spindle: unknown option '" + first + "'; an action comes first, e.g. 'spindle run ...'."
                    + " Run 'spindle --help' for the list of actions.");
            return 1;
        }
        ActionSpec spec = CliActions.find(first);
        if (spec == null) {
            err.println("spindle: unknown action '" + first + "'. Run 'spindle --help' for the list of actions.");
            return 1;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        ParsedAction action;
        try {
            CommandLine commandLine = parse(spec, rest);
            if (commandLine == null) {
                HelpPrinter.action(spec, out);
                return 0;
            }
            action = spec.parser().parse(commandLine, commandLine.getArgList());
        } catch (CliArgumentException e) {
            err.println(e.getMessage());
            return 1;
        }
        return runAction(action, out, err);
    }

    /** The parsed command line, or null when the action's help was asked for. */
    private static CommandLine parse(ActionSpec spec, String[] args) throws CliArgumentException {
        String hint = " Run 'spindle " + spec.name() + " --help' for its options, or 'spindle --help'.";
        CommandLine commandLine;
        try {
            commandLine = new DefaultParser().parse(spec.options(),
                    DynamicPropertyTokens.normalize(args, spec.options(), spec.stopAtFirstArgument()),
                    spec.stopAtFirstArgument());
        } catch (UnrecognizedOptionException e) {
            throw new CliArgumentException("spindle " + spec.name() + ": unknown option '" + e.getOption() + "'." + hint);
        } catch (MissingArgumentException e) {
            throw new CliArgumentException("spindle " + spec.name() + ": option " + display(e.getOption().getOpt(),
                    e.getOption().getLongOpt()) + " needs a value (" + e.getOption().getArgName() + ")." + hint);
        } catch (ParseException e) {
            throw new CliArgumentException("spindle " + spec.name() + ": " + e.getMessage() + "." + hint);
        }
        if (commandLine.hasOption("h")) {
            return null;
        }
        // With stopAtFirstArgument an unknown option lands in the arguments instead of failing.
        List<String> positional = commandLine.getArgList();
        if (!positional.isEmpty() && positional.get(0).startsWith("-") && positional.get(0).length() > 1) {
            throw new CliArgumentException("spindle " + spec.name() + ": unknown option '" + positional.get(0) + "'."
                    + hint);
        }
        return commandLine;
    }

    /**
     * A deployment to YARN sizes its containers from the memory model: inconsistent settings fail
     * here, before any YARN call, with the model's message naming the keys to change.
     */
    private static void checkMemoryBeforeDeploying(ParsedAction action, Configuration configuration) {
        String target = configuration.get(DeploymentOptions.TARGET);
        boolean deploys = action instanceof RunAction run && target != null && target.startsWith("yarn-")
                && !(target.equals("yarn-session") && run.cluster().applicationId() != null)
                || action instanceof SessionAction session && session.applicationId() == null && !session.query()
                        && !session.stop();
        if (deploys) {
            JobManagerProcessSpec.fromConfiguration(configuration);
            TaskExecutorProcessSpec.fromConfiguration(configuration);
        }
    }

    private static String display(String opt, String longOpt) {
        if (opt == null) {
            return "--" + longOpt;
        }
        return "-" + opt + (longOpt == null ? "" : "/--" + longOpt);
    }

    int runAction(ParsedAction action, PrintStream out, PrintStream err) {
        try {
            Configuration configuration = EffectiveConfiguration.build(action, environment);
            ConfigurationValidator.Result check = ConfigurationValidator.forClasspath().check(configuration);
            check.warnings().forEach(w -> LOG.warn("{}", w));
            if (!check.isValid()) {
                check.errors().forEach(e -> err.println("spindle " + action.action() + ": " + e));
                return 1;
            }
            checkMemoryBeforeDeploying(action, configuration);
            return registry.lookup(action.action(), configuration).run(action, configuration, out, err);
        } catch (IllegalConfigurationException | ProgramInvocationException e) {
            err.println("spindle " + action.action() + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            LOG.error("spindle {} failed", action.action(), e);
            err.println("spindle " + action.action() + " failed: " + e);
            return 1;
        }
    }
}
