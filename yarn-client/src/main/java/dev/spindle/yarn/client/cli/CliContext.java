package dev.spindle.yarn.client.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.commons.cli.CommandLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.ConfigurationValidator;
import dev.spindle.configuration.memory.JobManagerProcessSpec;
import dev.spindle.configuration.memory.TaskExecutorProcessSpec;
import dev.spindle.yarn.client.api.ClusterClient;
import dev.spindle.yarn.client.api.ClusterClientFactory;
import dev.spindle.yarn.client.api.DeploymentTarget;

/** What a verb runs with: the environment, the clients, the embedded cluster and the console. */
record CliContext(String verb, Map<String, String> environment, ClusterClientFactory clients,
        LocalClusterControl localCluster, PrintStream out, PrintStream err) {

    private static final Logger LOG = LoggerFactory.getLogger(CliContext.class);

    /**
     * The effective configuration: the conf dir's file, then {@code -D}, then the verb's flags;
     * checked, so that unknown or ill-typed values fail naming their key.
     */
    Configuration configuration(CommandLine commandLine, Consumer<Configuration> flags) throws CliArgumentException {
        Configuration configuration = EffectiveConfiguration.build(CommonOptions.dynamicProperties(commandLine),
                environment, flags);
        ConfigurationValidator.Result check = ConfigurationValidator.forClasspath().check(configuration);
        check.warnings().forEach(w -> LOG.warn("{}", w));
        if (!check.isValid()) {
            throw new CliArgumentException(String.join("\n", check.errors().stream()
                    .map(e -> prefix() + e).toList()));
        }
        return configuration;
    }

    /** How messages about this verb start: "spindle run: ", "yarn-session.sh: ". */
    String prefix() {
        return (verb.endsWith(".sh") ? "" : "spindle ") + verb + ": ";
    }

    /** A client whose progress goes to stdout, its notices to stderr. */
    ClusterClient client(DeploymentTarget target, Configuration configuration) {
        return clients.create(target, configuration, new ConsoleProgress(out, err));
    }

    /** A client for verbs whose answer is the output: its progress goes to stderr. */
    ClusterClient quietClient(DeploymentTarget target, Configuration configuration) {
        return clients.create(target, configuration, new ConsoleProgress(err, err));
    }

    /**
     * A deployment sizes its containers from the memory model: inconsistent settings fail here,
     * before any YARN call, with the model's message naming the keys to change.
     */
    static void checkContainerMemory(Configuration configuration) {
        JobManagerProcessSpec.fromConfiguration(configuration);
        TaskExecutorProcessSpec.fromConfiguration(configuration);
    }
}
