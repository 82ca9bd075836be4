package dev.spindle.yarn.client;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.spindle.yarn.client.cli.ActionHandlerProvider;
import dev.spindle.yarn.client.cli.ActionHandlerRegistry;
import dev.spindle.yarn.client.cli.LocalClusterAction;
import dev.spindle.yarn.client.cli.LogsAction;
import dev.spindle.yarn.client.cli.RunAction;
import dev.spindle.yarn.client.command.CleanCommand;
import dev.spindle.yarn.client.command.LogsCommand;
import dev.spindle.yarn.client.command.RunApplicationCommand;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.localcluster.LocalClusterCommand;
import dev.spindle.yarn.client.localcluster.LocalClusterState;

/** Plugs the YARN back ends into the CLI: {@code run-application -t yarn-application}, {@code logs}, {@code clean}, {@code local-cluster}. */
public final class YarnActionHandlers implements ActionHandlerProvider {

    // java.io.File turns "hdfs://host:port/p" into "hdfs:/host:port/p"; this undoes it.
    private static final Pattern COLLAPSED_URI = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]+):/+([^/]+)(/.*)?$");

    @Override
    public void registerHandlers(ActionHandlerRegistry registry) {
        register(registry, new HadoopConfLocator(), LocalClusterCommand.fromEnvironment());
    }

    /** Registers the handlers with the given way of finding the cluster (tests pass their own). */
    public static void register(ActionHandlerRegistry registry, HadoopConfLocator locator, LocalClusterCommand localCluster) {
        RunApplicationCommand runApplication = new RunApplicationCommand(locator);
        registry.register("run-application", "yarn-application", (action, conf, out, err) -> {
            RunAction run = (RunAction) action;
            return runApplication.run(userJar(run.jarFile().getPath()), run.entryClass(), run.programArgs(), conf, out, err);
        });
        LogsCommand logs = new LogsCommand(locator);
        registry.register("logs", null, (action, conf, out, err) -> {
            LogsAction l = (LogsAction) action;
            return logs.run(l.applicationId(), l.containerId(), l.follow(), conf, out, err);
        });
        CleanCommand clean = new CleanCommand(locator);
        registry.register("clean", null, (action, conf, out, err) -> clean.run(conf, out, err));
        registry.register("local-cluster", null, (action, conf, out, err) -> {
            LocalClusterAction lc = (LocalClusterAction) action;
            return localCluster.run(lc.command().name().toLowerCase(Locale.ROOT),
                    new LocalClusterCommand.Options(LocalClusterState.defaultHome(), LocalClusterCommand.DEFAULT_PORT_BASE),
                    out, err);
        });
    }

    static String userJar(String path) {
        Matcher m = COLLAPSED_URI.matcher(path);
        if (m.matches() && m.group(1).length() > 1 && !m.group(1).equalsIgnoreCase("file")) {
            // A first segment with a port is the authority; without, the URI had none (scheme:/path).
            return m.group(2).contains(":") ? m.group(1) + "://" + m.group(2) + (m.group(3) == null ? "" : m.group(3))
                    : path;
        }
        return path;
    }
}
