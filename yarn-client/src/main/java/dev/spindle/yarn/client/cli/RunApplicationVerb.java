package dev.spindle.yarn.client.cli;

import dev.spindle.configuration.Configuration;
import dev.spindle.yarn.client.api.DeploymentTarget;

/** {@code spindle run-application}: deploys an application cluster on YARN whose AM runs the program's main(). */
final class RunApplicationVerb extends ProgramVerb {

    RunApplicationVerb() {
        super("run-application", "Run a program in application mode: main() runs in a YARN ApplicationMaster.");
    }

    @Override
    void checkTarget(DeploymentTarget given) throws CliArgumentException {
        if (given != null && given != DeploymentTarget.YARN_APPLICATION) {
            throw new CliArgumentException("spindle run-application only supports -t yarn-application; use"
                    + " 'spindle run -t " + given + "' instead.");
        }
    }

    @Override
    DeploymentTarget target(Configuration configuration, CliContext context) {
        return DeploymentTarget.YARN_APPLICATION;
    }
}
