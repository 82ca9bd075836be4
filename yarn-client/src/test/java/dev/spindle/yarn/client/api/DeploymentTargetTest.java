package dev.spindle.yarn.client.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.spindle.configuration.Configuration;
import dev.spindle.configuration.DeploymentOptions;
import org.junit.jupiter.api.Test;

class DeploymentTargetTest {

    @Test
    void parsesWhatUsersTypeAndNamesTheValidValuesOnBadInput() {
        for (DeploymentTarget t : DeploymentTarget.values()) {
            assertEquals(t, DeploymentTarget.parse(t.value()));
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeploymentTarget.parse("yarn"));
        assertEquals("Unknown target 'yarn'; use one of local, yarn-application, yarn-per-job, yarn-session.", e.getMessage());
    }

    @Test
    void readsAndWritesExecutionTarget() {
        Configuration conf = new Configuration();
        assertTrue(DeploymentTarget.of(conf).isEmpty());
        DeploymentTarget.YARN_PER_JOB.applyTo(conf);
        assertEquals("yarn-per-job", conf.get(DeploymentOptions.TARGET));
        assertEquals(DeploymentTarget.YARN_PER_JOB, DeploymentTarget.of(conf).orElseThrow());
    }

    @Test
    void onlyApplicationAndPerJobRunsDeployAnApplication() {
        assertTrue(DeploymentTarget.YARN_APPLICATION.runDeploysApplication());
        assertTrue(DeploymentTarget.YARN_PER_JOB.runDeploysApplication());
        assertFalse(DeploymentTarget.YARN_SESSION.runDeploysApplication(), "a run on a session uses the running one");
        assertFalse(DeploymentTarget.LOCAL.runDeploysApplication());
    }
}
