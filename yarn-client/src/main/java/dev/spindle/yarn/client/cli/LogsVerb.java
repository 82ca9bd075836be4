package dev.spindle.yarn.client.cli;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.api.ClusterClient;

/** {@code spindle logs <appId> [--container <id>] [--follow]}: the AM and TaskExecutor logs of an application. */
final class LogsVerb extends Verb {

    LogsVerb() {
        super("logs", "Print the ApplicationMaster and TaskExecutor logs of an application.", "<appId>");
    }

    @Override
    Options options() {
        return new Options()
                .addOption(Option.builder().longOpt("container").hasArg().argName("containerId")
                        .desc("Only this container's logs (default: the AM and all TaskExecutors).").build())
                .addOption(Option.builder("f").longOpt("follow").desc("Keep printing new log lines until the application ends.").build())
                .addOption(CommonOptions.dynamicProperty()).addOption(CommonOptions.help());
    }

    @Override
    int run(CommandLine cl, CliContext context) throws Exception {
        CommonOptions.expectArguments(name(), cl.getArgList(), 1, 1, arguments());
        String appId = CommonOptions.checkApplicationId(cl.getArgList().get(0));
        Configuration configuration = context.configuration(cl, c -> { });
        // The logs are the output: the client's own lines go to stderr.
        try (ClusterClient client = context.quietClient(CommonOptions.clusterTargetOf(configuration), configuration)) {
            client.printLogs(appId, cl.getOptionValue("container"), cl.hasOption("f"), context.out());
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 130;
        }
    }
}
