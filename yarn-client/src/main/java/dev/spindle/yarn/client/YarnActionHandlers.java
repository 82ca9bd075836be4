package dev.spindle.yarn.client;

import java.util.Locale;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.cli.ActionHandler;
import dev.spindle.yarn.client.cli.ActionHandlerProvider;
import dev.spindle.yarn.client.cli.ActionHandlerRegistry;
import dev.spindle.yarn.client.cli.JobAction;
import dev.spindle.yarn.client.cli.ListAction;
import dev.spindle.yarn.client.cli.LocalClusterAction;
import dev.spindle.yarn.client.cli.LogsAction;
import dev.spindle.yarn.client.cli.RunAction;
import dev.spindle.yarn.client.cli.SessionAction;
import dev.spindle.yarn.client.command.ApplicationClusterCommands;
import dev.spindle.yarn.client.command.CleanCommand;
import dev.spindle.yarn.client.command.JobCommands;
import dev.spindle.yarn.client.command.LogsCommand;
import dev.spindle.yarn.client.command.RunApplicationCommand;
import dev.spindle.yarn.client.command.SessionCommand;
import dev.spindle.yarn.client.command.SessionRunCommand;
import dev.spindle.yarn.client.command.RunPerJobCommand;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.localcluster.LocalClusterCommand;
import dev.spindle.yarn.client.localcluster.LocalClusterState;
import dev.spindle.yarn.client.session.ClusterLocator;

/**
 * Plugs the YARN back ends into the CLI: {@code run-application -t yarn-application},
 * {@code run -t yarn-per-job}, sessions ({@code yarn-session.sh}, {@code run -t yarn-session}, a
 * bare {@code run} when a session is recorded), {@code list}/{@code info}/{@code cancel} (per-job
 * and application clusters by id have their own, which wait for the cluster's end on cancel),
 * {@code logs}, {@code clean}, {@code local-cluster}.
 */
public final class YarnActionHandlers implements ActionHandlerProvider {

    // java.io.File turns "hdfs://host:port/p" into "hdfs:/host:port/p"; this undoes it.

    @Override
    public void registerHandlers(ActionHandlerRegistry registry) {
        register(registry, new HadoopConfLocator(), LocalClusterCommand.fromEnvironment());
    }

    /** Registers the handlers with the given way of finding the cluster (tests pass their own). */
    public static void register(ActionHandlerRegistry registry, HadoopConfLocator locator, LocalClusterCommand localCluster) {
        RunApplicationCommand runApplication = new RunApplicationCommand(locator);
        registry.register("run-application", "yarn-application", (action, conf, out, err) -> {
            RunAction run = (RunAction) action;
            return runApplication.run(run.jarLocation(), run.entryClass(), run.programArgs(), conf, out, err);
        });
        LogsCommand logs = new LogsCommand(locator);
        registry.register("logs", null, (action, conf, out, err) -> {
            LogsAction l = (LogsAction) action;
            return logs.run(l.applicationId(), l.containerId(), l.follow(), conf, out, err);
        });
        registerSession(registry, locator);
        RunPerJobCommand runPerJob = new RunPerJobCommand(locator);
        registry.register("run", "yarn-per-job", (action, conf, out, err) -> {
            RunAction run = (RunAction) action;
            return runPerJob.run(run.jarLocation(), run.entryClass(), run.programArgs(), conf, out, err);
        });
        ApplicationClusterCommands byId = new ApplicationClusterCommands(locator);
        for (String target : new String[] {"yarn-per-job", "yarn-application"}) {
            registry.register("list", target, (action, conf, out, err) -> {
                ListAction list = (ListAction) action;
                return byId.list(list.running(), list.all(), conf, out, err);
            });
            registry.register("info", target, (action, conf, out, err) ->
                    byId.info(((JobAction) action).jobId().toString(), conf, out, err));
            registry.register("cancel", target, (action, conf, out, err) ->
                    byId.cancel(((JobAction) action).jobId().toString(), conf, out, err));
        }
        CleanCommand clean = new CleanCommand(locator);
        registry.register("clean", null, (action, conf, out, err) -> clean.run(conf, out, err));
        registry.register("local-cluster", null, (action, conf, out, err) -> {
            LocalClusterAction lc = (LocalClusterAction) action;
            return localCluster.run(lc.command().name().toLowerCase(Locale.ROOT),
                    new LocalClusterCommand.Options(LocalClusterState.defaultHome(), LocalClusterCommand.DEFAULT_PORT_BASE),
                    out, err);
        });
    }

    private static void registerSession(ActionHandlerRegistry registry, HadoopConfLocator locator) {
        registry.register("yarn-session", null, (action, conf, out, err) -> {
            SessionAction s = (SessionAction) action;
            SessionCommand.Mode mode = s.query() ? SessionCommand.Mode.QUERY
                    : s.stop() ? SessionCommand.Mode.STOP
                    : s.applicationId() != null ? SessionCommand.Mode.ATTACH : SessionCommand.Mode.START;
            return new SessionCommand(locator, System.in).run(mode, conf, out, err);
        });
        SessionRunCommand sessionRun = new SessionRunCommand(locator);
        ActionHandler runOnSession = (action, conf, out, err) -> {
            RunAction run = (RunAction) action;
            return sessionRun.run(run.jarUri(), run.jarFile(), run.entryClass(), run.programArgs(), conf, out, err);
        };
        registry.register("run", "yarn-session", runOnSession);
        // No target: a session named by -id or the properties file wins, as Flink users expect; else the old default.
        ActionHandler withoutTarget = registry.lookup("run", new Configuration());
        registry.registerWithoutTarget("run", (action, conf, out, err) -> new ClusterLocator(conf).namesACluster()
                ? runOnSession.run(action, conf, out, err) : withoutTarget.run(action, conf, out, err));
        JobCommands jobs = new JobCommands(locator);
        registry.register("list", null, (action, conf, out, err) -> jobs.list(((ListAction) action).running(), conf, out, err));
        registry.register("info", null, (action, conf, out, err) ->
                jobs.info(((JobAction) action).jobId().toHexString(), conf, out, err));
        registry.register("cancel", null, (action, conf, out, err) ->
                jobs.cancel(((JobAction) action).jobId().toHexString(), conf, out, err));
    }
}
