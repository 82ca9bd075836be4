package dev.spindle.yarn.client.cli;

import java.util.List;

/** {@code logs <appId> [--container <id>] [--follow]}: print the AM and TaskExecutor logs of an application. */
public record LogsAction(String applicationId, String containerId, boolean follow, List<String> dynamicProperties)
        implements ParsedAction {

    @Override
    public String action() {
        return "logs";
    }
}
