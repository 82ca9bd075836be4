package dev.spindle.yarn.client.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Options;

/** Prints the general help and each verb's help. */
final class HelpPrinter {

    private static final int WIDTH = 110;

    private HelpPrinter() {
    }

    static void general(List<Verb> verbs, PrintStream out) {
        out.println("Spindle " + Version.get() + ": run data-processing programs on Hadoop YARN.");
        out.println();
        out.println("Usage: spindle <action> [OPTIONS] [ARGUMENTS]");
        out.println();
        out.println("Actions:");
        for (Verb verb : verbs) {
            out.printf("  %-16s %s%n", verb.name(), verb.description());
        }
        out.println();
        out.println("General options:");
        out.printf("  %-16s %s%n", "-h, --help", "Show this help.");
        out.printf("  %-16s %s%n", "-v, --version", "Show Spindle's version.");
        out.println();
        out.println("Run 'spindle <action> --help' for the options of an action.");
        out.println("Configuration: $SPINDLE_CONF_DIR/spindle-conf.yaml, overridden by -Dkey=value and the action's flags.");
        out.println("Sessions are started with bin/yarn-session.sh.");
    }

    static void verb(Verb verb, PrintStream out) {
        options(verb.usage(), verb.description(), verb.options(), out);
    }

    static void options(String usage, String description, Options options, PrintStream out) {
        PrintWriter writer = new PrintWriter(out);
        HelpFormatter formatter = HelpFormatter.builder().setShowDeprecated(false).get();
        formatter.setOptionComparator(null);
        formatter.printHelp(writer, WIDTH, usage, description + "\n\nOptions:", options, 2, 2, "", false);
        writer.flush();
    }
}
