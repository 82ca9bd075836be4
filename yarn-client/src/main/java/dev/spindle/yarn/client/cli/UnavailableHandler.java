package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import java.io.PrintStream;

/** Stands in for back ends that are not built yet: says so plainly and fails. */
final class UnavailableHandler implements ActionHandler {

    private final String target;

    UnavailableHandler(String target) {
        this.target = target;
    }

    @Override
    public int run(ParsedAction action, Configuration effectiveConfiguration, PrintStream out, PrintStream err) {
        String command = action.action().equals("yarn-session") ? "yarn-session.sh"
                : "spindle " + action.action() + (target == null ? "" : " -t " + target);
        err.println(command + ": this action is not available yet in this build of Spindle.");
        return 1;
    }
}
