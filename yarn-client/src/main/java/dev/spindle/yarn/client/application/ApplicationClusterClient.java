package dev.spindle.yarn.client.application;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.hadoop.fs.FileUtil;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import dev.spindle.yarn.client.api.DeploymentResult;
import dev.spindle.yarn.client.api.DeploymentTarget;
import dev.spindle.yarn.client.api.Program;
import dev.spindle.yarn.client.api.ProgressListener;
import dev.spindle.yarn.client.api.SpindleClientException;
import dev.spindle.yarn.client.cluster.ApplicationFollower;
import dev.spindle.yarn.client.cluster.ApplicationOutcome;
import dev.spindle.yarn.client.cluster.ClusterFinder;
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
        super(locator, configuration, listener, ClusterFinder.Naming.BY_ID);
    }

    @Override
    public DeploymentTarget target() {
        return DeploymentTarget.YARN_APPLICATION;
    }

    @Override
    protected boolean endsWithItsJob() {
        return true;
    }

    @Override
    public DeploymentResult run(Program program) throws SpindleClientException {
        java.net.URI jar = program.jar().forDeployment();
        YarnClusterDescriptor descriptor = yarn.descriptor();
        Path workDir = null;
        try {
            workDir = Files.createTempDirectory("spindle-deploy-");
            DeployedApplication app = descriptor.deploy(new DeploymentRequest(configuration,
                    DeploymentRequest.APPLICATION_MODE_ENTRYPOINT, "Spindle application: " + program.displayName(), jar,
                    program.entryClass(), program.arguments(), Map.of()), workDir);
            String id = app.applicationId().toString();
            String trackingUrl = app.report().getTrackingUrl();
            if (!configuration.get(DeploymentOptions.ATTACHED)) {
                return new DeploymentResult(target(), id, trackingUrl, true, List.of(), List.of(), null);
            }
            ApplicationOutcome outcome = new ApplicationFollower(descriptor, listener).follow(app);
            return new DeploymentResult(target(), id, trackingUrl, false,
                    outcome.jobs().stream().map(j -> j.id()).toList(), outcome.jobs(), outcome.status());
        } catch (java.io.IOException e) {
            throw new SpindleClientException("Cannot create a local work dir for the deployment: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SpindleClientException("Interrupted while following the application", e);
        } finally {
            if (workDir != null) {
                FileUtil.fullyDelete(workDir.toFile());
            }
        }
    }
}
