package dev.spindle.yarn.client.cli;

import java.util.List;

/** {@code clean}: remove staging dirs of applications that YARN reports as ended. */
public record CleanAction(List<String> dynamicProperties) implements ParsedAction {

    @Override
    public String action() {
        return "clean";
    }
}
