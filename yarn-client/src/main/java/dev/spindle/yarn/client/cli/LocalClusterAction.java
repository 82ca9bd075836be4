package dev.spindle.yarn.client.cli;

import java.util.List;

/** {@code local-cluster start|stop|status}: the embedded YARN + HDFS cluster. */
public record LocalClusterAction(Command command, List<String> dynamicProperties) implements ParsedAction {

    /** What to do with the embedded cluster. */
    public enum Command { START, STOP, STATUS }

    @Override
    public String action() {
        return "local-cluster";
    }
}
