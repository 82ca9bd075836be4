package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.configuration.Configuration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * Which {@link ActionHandler} runs an action. A handler is registered for an action and a target
 * ({@code execution.target}), or for an action with any target ({@code null}); the exact target
 * wins. Actions without a handler report that their back end is not available yet.
 */
public final class ActionHandlerRegistry {

    private final Map<String, ActionHandler> handlers = new HashMap<>();

    /** The built-in handlers plus every {@link ActionHandlerProvider} on the classpath. */
    public static ActionHandlerRegistry withDefaults() {
        ActionHandlerRegistry registry = new ActionHandlerRegistry();
        registry.register("run", "local", new LocalRunHandler());
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

    /** The handler for the action and the configuration's target, or one that says it is not available. */
    public ActionHandler lookup(String action, Configuration effectiveConfiguration) {
        String target = effectiveConfiguration.get(DeploymentOptions.TARGET);
        ActionHandler exact = target == null ? null : handlers.get(key(action, target));
        if (exact != null) {
            return exact;
        }
        ActionHandler any = handlers.get(key(action, null));
        return any != null ? any : new UnavailableHandler(target);
    }

    private static String key(String action, String target) {
        return action + "|" + (target == null ? "*" : target);
    }
}
