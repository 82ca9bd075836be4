package dev.spindle.yarn.am;

import dev.spindle.configuration.Configuration;
import dev.spindle.runtime.entrypoint.ClusterServices;

/** What the AM does once its cluster services run: application, per-job or session mode. */
public interface AppMasterMode {

    /** Runs until the mode's work is done; returns how the application ends. */
    AppMasterOutcome run(ClusterServices services, Configuration configuration) throws Exception;
}
