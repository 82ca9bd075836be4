package dev.spindle.yarn.client.cli;

import java.io.PrintStream;

import dev.spindle.yarn.client.localcluster.LocalClusterCommand;
import dev.spindle.yarn.client.localcluster.LocalClusterState;

/** Starts, stops or checks the embedded YARN + HDFS cluster ({@code spindle local-cluster}). */
@FunctionalInterface
public interface LocalClusterControl {

    /** @param command start, stop or status; returns the exit code */
    int run(String command, PrintStream out, PrintStream err) throws Exception;

    /** The embedded cluster in its default home, with the classpath the launcher gives. */
    static LocalClusterControl fromEnvironment() {
        return (command, out, err) -> LocalClusterCommand.fromEnvironment().run(command,
                new LocalClusterCommand.Options(LocalClusterState.defaultHome(), LocalClusterCommand.DEFAULT_PORT_BASE),
                out, err);
    }

    /** The embedded cluster started with this classpath (tests pass their own). */
    static LocalClusterControl of(LocalClusterCommand command) {
        return (verb, out, err) -> command.run(verb,
                new LocalClusterCommand.Options(LocalClusterState.defaultHome(), LocalClusterCommand.DEFAULT_PORT_BASE),
                out, err);
    }
}
