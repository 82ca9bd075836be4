package dev.spindle.yarn.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** One verb of {@code bin/spindle}: its options, and what it does with a parsed command line. */
interface Verb {

    /** The verb as typed: run, list, ... */
    String name();

    /** One line for the general help. */
    String description();

    /** The syntax of the positional arguments, e.g. {@code <jobId>}; empty when there are none. */
    String arguments();

    /** The verb's options, its own first, so that help lists them first. */
    Options options();

    /** Whether the first positional argument ends option parsing (the rest belongs to the program). */
    default boolean stopAtFirstArgument() {
        return false;
    }

    /** Runs the verb; returns the exit code. Client and argument errors are reported by the frontend. */
    int run(CommandLine commandLine, CliContext context) throws Exception;

    default String usage() {
        return "spindle " + name() + " [OPTIONS]" + (arguments().isEmpty() ? "" : " " + arguments());
    }
}
