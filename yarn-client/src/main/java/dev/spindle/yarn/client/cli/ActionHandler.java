package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import java.io.PrintStream;

/**
 * The back end of one action (optionally for one target). Handlers are looked up in an
 * {@link ActionHandlerRegistry}, so back ends plug in without touching the parser.
 */
@FunctionalInterface
public interface ActionHandler {

    /**
     * Runs the action; returns the process exit code. Exceptions are reported by the frontend
     * (message to {@code err}, exit code 1).
     */
    int run(ParsedAction action, Configuration effectiveConfiguration, PrintStream out, PrintStream err) throws Exception;
}
