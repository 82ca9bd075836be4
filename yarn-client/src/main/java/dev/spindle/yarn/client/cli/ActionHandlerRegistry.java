package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.Configuration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Which {@link ActionHandler} runs an action. A handler is registered for an action and a target
 * ({@code execution.target}), for an action with any target ({@code null}), or for an action run
 * without a target; the specific registration wins. Actions without a handler report that their
 * back end is not available yet.
 */
public final class ActionHandlerRegistry {

    private final Map<String, ActionHandler> handlers = new HashMap<>();

    /** The built-in handlers plus every {@link ActionHandlerProvider} on the classpath. */
    public static ActionHandlerRegistry withDefaults() {
        ActionHandlerRegistry registry = new ActionHandlerRegistry();
        LocalRunHandler local = new LocalRunHandler();
        registry.register("run", "local", local);
        // No -t and no execution.target: run locally, and say so. The session back end replaces this
        // with one that first looks for a session in the .yarn-properties file.
        registry.registerWithoutTarget("run", (action, conf, out, err) -> {
            err.println("No target given (-t or execution.target): running locally on an in-process MiniCluster.");
            return local.run(action, conf, out, err);
        });
        for (ActionHandlerProvider provider : ServiceLoader.load(ActionHandlerProvider.class,
                ActionHandlerRegistry.class.getClassLoader())) {
            provider.registerHandlers(registry);
        }
        return registry;
    }

    /** Registers (or replaces) the handler of {@code action} for {@code targetOrNull} (null: any target). */
    public ActionHandlerRegistry register(String action, String targetOrNull, ActionHandler handler) {
        handlers.put(key(action, targetOrNull), Objects.requireNonNull(handler));
        return this;
    }

    /**
     * Registers (or replaces) the handler of {@code action} when no target is configured at all;
     * takes precedence over the any-target handler in that case only.
     */
    public ActionHandlerRegistry registerWithoutTarget(String action, ActionHandler handler) {
        handlers.put(action + "|none", Objects.requireNonNull(handler));
        return this;
    }

    /** The handler for the action and the configuration's target, or one that says it is not available. */
    public ActionHandler lookup(String action, Configuration effectiveConfiguration) {
        String target = effectiveConfiguration.get(DeploymentOptions.TARGET);
        ActionHandler specific = handlers.get(target == null ? action + "|none" : key(action, target));
        if (specific != null) {
            return specific;
        }
        ActionHandler any = handlers.get(key(action, null));
        return any != null ? any : new UnavailableHandler(target);
    }

    private static String key(String action, String target) {
        return action + "|" + (target == null ? "*" : target);
    }
}
