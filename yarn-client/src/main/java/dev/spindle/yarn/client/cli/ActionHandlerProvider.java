package dev.spindle.yarn.client.cli;

/**
 * Registers back ends found through {@link java.util.ServiceLoader}: a module lists its provider
 * in {@code META-INF/services/dev.spindle.yarn.client.cli.ActionHandlerProvider}.
 */
public interface ActionHandlerProvider {

    void registerHandlers(ActionHandlerRegistry registry);
}
