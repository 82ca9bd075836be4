package dev.spindle.yarn.client.cli;

import java.util.List;
import java.util.function.Consumer;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.CoreOptions;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.yarn.client.api.Program;

/** The options {@code run} and {@code run-application} share: the program and how to deploy it. */
final class RunOptions {

    private RunOptions() {
    }

    static Options options() {
        return CommonOptions.withClusterOptions(new Options()
                .addOption(Option.builder("c").longOpt("class").hasArg().argName("classname")
                        .desc("Entry class with main(); default: the jar manifest's Main-Class.").build())
                .addOption(Option.builder("p").longOpt("parallelism").hasArg().argName("n")
                        .desc("Default parallelism of the program (sets parallelism.default).").build())
                .addOption(Option.builder("d").longOpt("detached")
                        .desc("Return after submission instead of waiting for the result (sets execution.attached=false).").build())
                .addOption(Option.builder("s").longOpt("fromSavepoint").hasArg().argName("savepointPath")
                        .desc("Restore the job from this savepoint.").build())
                .addOption(Option.builder("n").longOpt("allowNonRestoredState")
                        .desc("Allow skipping savepoint state that no operator claims.").build()));
    }

    /** The program: the first positional argument is its jar, the rest its arguments. */
    static Program program(String verb, CommandLine cl) throws CliArgumentException {
        List<String> positional = cl.getArgList();
        if (positional.isEmpty()) {
            throw new CliArgumentException("spindle " + verb + " needs the program jar, e.g. 'spindle " + verb
                    + " -c com.example.WordCount app.jar'.");
        }
        return Program.of(positional.get(0), cl.getOptionValue("c"), positional.subList(1, positional.size()));
    }

    /** Checks the flags; returns what writes them into the configuration (cluster flags included). */
    static Consumer<Configuration> flags(CommandLine cl) throws CliArgumentException {
        Consumer<Configuration> cluster = CommonOptions.clusterFlags(cl);
        Integer parallelism = cl.hasOption("p") ? CommonOptions.positiveInt("-p/--parallelism", cl.getOptionValue("p"))
                : null;
        return configuration -> {
            cluster.accept(configuration);
            if (parallelism != null) {
                configuration.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
            }
            if (cl.hasOption("d")) {
                configuration.set(DeploymentOptions.ATTACHED, false);
            }
            if (cl.hasOption("s")) {
                configuration.set(DeploymentOptions.SAVEPOINT_PATH, cl.getOptionValue("s"));
            }
            if (cl.hasOption("n")) {
                configuration.set(DeploymentOptions.SAVEPOINT_IGNORE_UNCLAIMED_STATE, true);
            }
        };
    }
}
