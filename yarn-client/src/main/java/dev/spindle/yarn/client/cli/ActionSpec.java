package dev.spindle.yarn.client.cli;

import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/**
 * One action of the CLI: its name, a one-line description, the syntax of its positional
 * arguments, its options, and how a parsed command line becomes its typed {@link ParsedAction}.
 */
public record ActionSpec(String name, String description, String arguments, Options options,
        boolean stopAtFirstArgument, Parser parser) {

    /** Turns the parsed command line and its positional arguments into typed options. */
    @FunctionalInterface
    public interface Parser {
        ParsedAction parse(CommandLine commandLine, List<String> positional) throws CliArgumentException;
    }

    public String usage() {
        return "spindle " + name + " [OPTIONS]" + (arguments.isEmpty() ? "" : " " + arguments);
    }
}
