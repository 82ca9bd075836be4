package dev.spindle.yarn.client.cli;

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

import dev.spindle.configuration.IllegalConfigurationException;
import dev.spindle.yarn.client.ClusterClients;
import dev.spindle.yarn.client.api.ClusterClientFactory;
import dev.spindle.yarn.client.api.OperationNotSupportedException;
import dev.spindle.yarn.client.api.ProgramFailedException;
import dev.spindle.yarn.client.api.SpindleClientException;

/**
 * {@code bin/spindle}: finds the verb (first argument), parses its options and runs it; reports
 * argument and client errors in one way for all verbs.
 */
public final class CliFrontend {

    private static final Logger LOG = LoggerFactory.getLogger(CliFrontend.class);

    /** The verbs, in the order help lists them. */
    static final List<Verb> VERBS = List.of(new RunVerb(), new RunApplicationVerb(), new ListVerb(), new InfoVerb(),
            new CancelVerb(), new StopVerb(), new SavepointVerb(), new LogsVerb(), new CleanVerb(), new LocalClusterVerb());

    private final Map<String, String> environment;
    private final ClusterClientFactory clients;
    private final LocalClusterControl localCluster;

    public CliFrontend(Map<String, String> environment, ClusterClientFactory clients, LocalClusterControl localCluster) {
        this.environment = environment;
        this.clients = clients;
        this.localCluster = localCluster;
    }

    public static void main(String[] args) {
        System.exit(new CliFrontend(System.getenv(), new ClusterClients(), LocalClusterControl.fromEnvironment())
                .execute(args, System.out, System.err));
    }

    /** Runs the CLI; returns the exit code. */
    public int execute(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            HelpPrinter.general(VERBS, err);
            return 1;
        }
        String first = args[0];
        if (first.equals("-h") || first.equals("--help")) {
            HelpPrinter.general(VERBS, out);
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
        Verb verb = VERBS.stream().filter(v -> v.name().equals(first)).findFirst().orElse(null);
        if (verb == null) {
            err.println("spindle: unknown action '" + first + "'. Run 'spindle --help' for the list of actions.");
            return 1;
        }
        CommandLine commandLine = null;
        try {
            commandLine = parse(verb, Arrays.copyOfRange(args, 1, args.length));
            if (commandLine == null) {
                HelpPrinter.verb(verb, out);
                return 0;
            }
            return verb.run(commandLine, new CliContext(verb.name(), environment, clients, localCluster, out, err));
        } catch (CliArgumentException e) {
            err.println(e.getMessage());
        } catch (OperationNotSupportedException e) {
            // What a target cannot do is said of the command as typed, target included.
            String target = commandLine.getOptionValue("t");
            err.println("spindle " + verb.name() + (target == null ? "" : " -t " + target) + ": " + e.getMessage());
        } catch (ProgramFailedException e) {
            err.println("spindle " + verb.name() + ": " + e.getMessage());
            if (e.getCause() != null) {
                e.getCause().printStackTrace(err);
            }
        } catch (SpindleClientException | IllegalConfigurationException | IllegalArgumentException e) {
            err.println("spindle " + verb.name() + ": " + e.getMessage());
        } catch (Exception e) {
            LOG.error("spindle {} failed", verb.name(), e);
            err.println("spindle " + verb.name() + " failed: " + e);
        }
        return 1;
    }

    /** The parsed command line, or null when the verb's help was asked for. */
    private static CommandLine parse(Verb verb, String[] args) throws CliArgumentException {
        String hint = " Run 'spindle " + verb.name() + " --help' for its options, or 'spindle --help'.";
        CommandLine commandLine;
        try {
            commandLine = new DefaultParser().parse(verb.options(),
                    DynamicPropertyTokens.normalize(args, verb.options(), verb.stopAtFirstArgument()),
                    verb.stopAtFirstArgument());
        } catch (UnrecognizedOptionException e) {
            throw new CliArgumentException("spindle " + verb.name() + ": unknown option '" + e.getOption() + "'." + hint);
        } catch (MissingArgumentException e) {
            throw new CliArgumentException("spindle " + verb.name() + ": option " + display(e.getOption().getOpt(),
                    e.getOption().getLongOpt()) + " needs a value (" + e.getOption().getArgName() + ")." + hint);
        } catch (ParseException e) {
            throw new CliArgumentException("spindle " + verb.name() + ": " + e.getMessage() + "." + hint);
        }
        if (commandLine.hasOption("h")) {
            return null;
        }
        // With stopAtFirstArgument an unknown option lands in the arguments instead of failing.
        List<String> positional = commandLine.getArgList();
        if (!positional.isEmpty() && positional.get(0).startsWith("-") && positional.get(0).length() > 1) {
            throw new CliArgumentException("spindle " + verb.name() + ": unknown option '" + positional.get(0) + "'."
                    + hint);
        }
        return commandLine;
    }

    private static String display(String opt, String longOpt) {
        if (opt == null) {
            return "--" + longOpt;
        }
        return "-" + opt + (longOpt == null ? "" : "/--" + longOpt);
    }
}
