package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import java.util.List;

/** A command line parsed into one action's typed options, handed to that action's {@link ActionHandler}. */
public interface ParsedAction {

    /** The action name as typed: run, run-application, list, ... */
    String action();

    /** The {@code -D key=value} definitions, in command-line order. */
    List<String> dynamicProperties();

    /** Writes what the action's flags mean into the effective configuration (after -D, so flags win). */
    default void applyTo(Configuration configuration) {
    }
}
