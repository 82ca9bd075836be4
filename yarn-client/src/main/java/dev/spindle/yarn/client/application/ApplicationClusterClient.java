package dev.spindle.yarn.client.application;

import java.util.List;
import java.util.Map;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.yarn.client.api.DeploymentResult;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.Program;
import dev.spindle.yarn.client.api.ProgressListener;
import dev.spindle.yarn.client.api.SpindleClientException;
import dev.spindle.yarn.client.cluster.ApplicationFollower;
import dev.spindle.yarn.client.cluster.ApplicationOutcome;
import dev.spindle.yarn.client.cluster.LocalWorkDir;
import dev.spindle.yarn.client.cluster.YarnClusterClient;
import dev.spindle.yarn.client.deployment.DeployedApplication;
import dev.spindle.yarn.client.deployment.DeploymentRequest;
import dev.spindle.yarn.client.deployment.HadoopConfLocator;
import dev.spindle.yarn.client.deployment.YarnClusterDescriptor;

/**
 * {@code -t yarn-application}: deploys an application cluster whose AM runs the program's main();
 * attached, follows it to its end. The cluster ends with the program.
 */
public final class ApplicationClusterClient extends YarnClusterClient {

    public ApplicationClusterClient(HadoopConfLocator locator, Configuration configuration, ProgressListener listener) {
        super(DeploymentTarget.YARN_APPLICATION, locator, configuration, listener);
    }

    @Override
    public DeploymentResult run(Program program) throws SpindleClientException {
        java.net.URI jar = program.jar().forDeployment();
        YarnClusterDescriptor descriptor = yarn.descriptor();
        resolveSavepointPath();
        try (LocalWorkDir workDir = LocalWorkDir.create("spindle-deploy-")) {
            DeployedApplication app = descriptor.deploy(new DeploymentRequest(configuration,
                    DeploymentRequest.APPLICATION_MODE_ENTRYPOINT, "Spindle application: " + program.displayName(), jar,
                    program.entryClass(), program.arguments(), Map.of()), workDir.path());
            String id = app.applicationId().toString();
            String trackingUrl = app.report().getTrackingUrl();
            if (!configuration.get(DeploymentOptions.ATTACHED)) {
                return new DeploymentResult(target(), id, trackingUrl, true, List.of(), List.of(), null);
            }
            ApplicationOutcome outcome = new ApplicationFollower(descriptor, listener).follow(app);
            return new DeploymentResult(target(), id, trackingUrl, false,
                    outcome.jobs().stream().map(j -> j.id()).toList(), outcome.jobs(), outcome.status());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpindleClientException("Interrupted while following the application", e);
        }
    }
}
