package dev.spindle.yarn.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One verb of {@code bin/spindle}: its name and help, its options, and what it does with a parsed command line. */
abstract class Verb {

    private final String name;
    private final String description;
    private final String arguments;

    /**
     * @param name the verb as typed: run, list, ...
     * @param description one line for the general help
     * @param arguments the syntax of the positional arguments, e.g. {@code <jobId>}; empty when there are none
     */
    Verb(String name, String description, String arguments) {
        this.name = name;
        this.description = description;
        this.arguments = arguments;
    }

    final String name() {
        return name;
    }

    final String description() {
        return description;
    }

    final String arguments() {
        return arguments;
    }

    /** The verb's options, its own first, so that help lists them first. */
    abstract Options options();

    /** Whether the first positional argument ends option parsing (the rest belongs to the program). */
    boolean stopAtFirstArgument() {
        return false;
    }

    /** Runs the verb; returns the exit code. Client and argument errors are reported by the frontend. */
    abstract int run(CommandLine commandLine, CliContext context) throws Exception;

    final String usage() {
        return "spindle " + name + " [OPTIONS]" + (arguments.isEmpty() ? "" : " " + arguments);
    }
}
