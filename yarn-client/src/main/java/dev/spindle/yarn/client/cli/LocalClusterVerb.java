package dev.spindle.yarn.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;

/** {@code spindle local-cluster start|stop|status}: the embedded YARN + HDFS cluster. */
final class LocalClusterVerb extends Verb {

    LocalClusterVerb() {
        super("local-cluster", "Start, stop or check the embedded YARN + HDFS cluster.", "start|stop|status");
    }

    @Override
    Options options() {
        return CommonOptions.basicOptions();
    }

    @Override
    int run(CommandLine cl, CliContext context) throws Exception {
        CommonOptions.expectArguments(name(), cl.getArgList(), 1, 1, "start, stop or status");
        String command = cl.getArgList().get(0);
        if (!command.equals("start") && !command.equals("stop") && !command.equals("status")) {
            throw new CliArgumentException("spindle local-cluster: unknown command '" + command
                    + "'; use start, stop or status.");
        }
        return context.localCluster().run(command, context.out(), context.err());
    }
}
