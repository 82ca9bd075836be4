package dev.spindle.yarn.client.cli;

import static dev.spindle.yarn.client.cli.CommonOptions.expectArguments;

import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** The actions of {@code bin/spindle} with their option sets, as Flink users know them. */
public final class CliActions {

    private CliActions() {
    }

    /** All actions, in the order help lists them. */
    public static List<ActionSpec> all() {
        return List.of(run("run", "Run a program: main() runs here, jobs go to the target cluster."),
                run("run-application", "Run a program in application mode: main() runs in a YARN ApplicationMaster."),
                list(), job("info", "Show a job's vertices, parallelism and subtask states."),
                job("cancel", "Cancel a running job."), stop(), savepoint(), logs(), clean(), localCluster());
    }

    public static ActionSpec find(String name) {
        return all().stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }

    private static Options clusterOptions() {
        return clusterOptions(new Options());
    }

    /** Adds the options that pick a cluster after the action's own ones, so help lists those first. */
    private static Options clusterOptions(Options options) {
        return options.addOption(CommonOptions.target()).addOption(CommonOptions.applicationId())
                .addOption(CommonOptions.applicationIdAlias()).addOption(CommonOptions.dynamicProperty())
                .addOption(CommonOptions.help());
    }

    private static ActionSpec run(String name, String description) {
        Options options = clusterOptions(new Options()
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
        return new ActionSpec(name, description, "<jar-file> [program arguments]", options, true, (cl, positional) -> {
            if (positional.isEmpty()) {
                throw new CliArgumentException("spindle " + name + " needs the program jar, e.g. 'spindle " + name
                        + " -c com.example.WordCount app.jar'.");
            }
            ClusterTarget cluster = CommonOptions.clusterTarget(cl);
            if (name.equals("run-application") && cluster.target() != null
                    && !cluster.target().equals("yarn-application")) {
                throw new CliArgumentException("spindle run-application only supports -t yarn-application; use"
                        + " 'spindle run -t " + cluster.target() + "' instead.");
            }
            if (name.equals("run-application") && cluster.target() == null) {
                cluster = new ClusterTarget("yarn-application", cluster.applicationId());
            }
            Integer parallelism = cl.hasOption("p") ? CommonOptions.positiveInt("-p/--parallelism", cl.getOptionValue("p"))
                    : null;
            return new RunAction(name, cluster, cl.getOptionValue("c"), parallelism, cl.hasOption("d"),
                    cl.getOptionValue("s"), cl.hasOption("n"), positional.get(0),
                    List.copyOf(positional.subList(1, positional.size())), CommonOptions.dynamicProperties(cl));
        });
    }

    private static ActionSpec list() {
        Options options = clusterOptions(new Options()
                .addOption(Option.builder("r").longOpt("running").desc("Show only running jobs.").build())
                .addOption(Option.builder("a").longOpt("all").desc("Show running and finished jobs (default).").build()));
        return new ActionSpec("list", "List the jobs of a cluster.", "", options, false, (cl, positional) -> {
            expectArguments("list", positional, 0, 0, "no arguments");
            if (cl.hasOption("r") && cl.hasOption("a")) {
                throw new CliArgumentException("spindle list: use either -r/--running or -a/--all, not both.");
            }
            return new ListAction(CommonOptions.clusterTarget(cl), cl.hasOption("r"), !cl.hasOption("r"),
                    CommonOptions.dynamicProperties(cl));
        });
    }

    private static ActionSpec job(String name, String description) {
        return new ActionSpec(name, description, "<jobId>", clusterOptions(), false, (cl, positional) -> {
            expectArguments(name, positional, 1, 1, "<jobId>");
            return new JobAction(name, CommonOptions.clusterTarget(cl), CommonOptions.jobId(positional.get(0)),
                    CommonOptions.dynamicProperties(cl));
        });
    }

    private static ActionSpec stop() {
        Options options = clusterOptions(new Options()
                .addOption(Option.builder("p").longOpt("savepointPath").hasArg().argName("savepointPath")
                        .desc("Directory for the final savepoint (default: state.savepoints.dir).").build())
                .addOption(Option.builder("d").longOpt("drain")
                        .desc("Let sources end and drain the pipeline before stopping.").build()));
        return new ActionSpec("stop", "Stop a job with a final savepoint.", "<jobId>", options, false,
                (cl, positional) -> {
                    expectArguments("stop", positional, 1, 1, "<jobId>");
                    return new StopAction(CommonOptions.clusterTarget(cl), CommonOptions.jobId(positional.get(0)),
                            cl.getOptionValue("p"), cl.hasOption("d"), CommonOptions.dynamicProperties(cl));
                });
    }

    private static ActionSpec savepoint() {
        return new ActionSpec("savepoint", "Trigger a savepoint of a running job.", "<jobId> [targetDirectory]",
                clusterOptions(), false, (cl, positional) -> {
                    expectArguments("savepoint", positional, 1, 2, "<jobId> [targetDirectory]");
                    return new SavepointAction(CommonOptions.clusterTarget(cl), CommonOptions.jobId(positional.get(0)),
                            positional.size() > 1 ? positional.get(1) : null, CommonOptions.dynamicProperties(cl));
                });
    }

    private static ActionSpec logs() {
        Options options = new Options()
                .addOption(Option.builder().longOpt("container").hasArg().argName("containerId")
                        .desc("Only this container's logs (default: the AM and all TaskExecutors).").build())
                .addOption(Option.builder("f").longOpt("follow").desc("Keep printing new log lines until the application ends.").build())
                .addOption(CommonOptions.dynamicProperty()).addOption(CommonOptions.help());
        return new ActionSpec("logs", "Print the ApplicationMaster and TaskExecutor logs of an application.", "<appId>",
                options, false, (cl, positional) -> {
                    expectArguments("logs", positional, 1, 1, "<appId>");
                    return new LogsAction(CommonOptions.checkApplicationId(positional.get(0)),
                            cl.getOptionValue("container"), cl.hasOption("f"), CommonOptions.dynamicProperties(cl));
                });
    }

    private static ActionSpec clean() {
        Options options = new Options().addOption(CommonOptions.dynamicProperty()).addOption(CommonOptions.help());
        return new ActionSpec("clean", "Remove staging dirs of applications that YARN reports as ended.", "", options,
                false, (cl, positional) -> {
                    expectArguments("clean", positional, 0, 0, "no arguments");
                    return new CleanAction(CommonOptions.dynamicProperties(cl));
                });
    }

    private static ActionSpec localCluster() {
        Options options = new Options().addOption(CommonOptions.dynamicProperty()).addOption(CommonOptions.help());
        return new ActionSpec("local-cluster", "Start, stop or check the embedded YARN + HDFS cluster.",
                "start|stop|status", options, false, (cl, positional) -> {
                    expectArguments("local-cluster", positional, 1, 1, "start, stop or status");
                    String command = positional.get(0);
                    return switch (command) {
                        case "start", "stop", "status" -> new LocalClusterAction(
                                LocalClusterAction.Command.valueOf(command.toUpperCase(Locale.ROOT)),
                                CommonOptions.dynamicProperties(cl));
                        default -> throw new CliArgumentException("spindle local-cluster: unknown command '" + command
                                + "'; use start, stop or status.");
                    };
                });
    }

    static List<String> positional(CommandLine cl) {
        return cl.getArgList();
    }
}
