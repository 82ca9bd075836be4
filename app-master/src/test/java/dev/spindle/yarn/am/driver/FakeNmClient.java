package dev.spindle.yarn.am.driver;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerLaunchContext;
import org.apache.hadoop.yarn.api.records.NodeId;
import org.apache.hadoop.yarn.client.api.async.NMClientAsync;

/** Records container starts; the test plays the NodeManagers through {@link #callbacks}. */
final class FakeNmClient extends NMClientAsync {

    record Start(Container container, ContainerLaunchContext context) {
    }

    final AbstractCallbackHandler callbacks;
    final BlockingQueue<Start> starts = new LinkedBlockingQueue<>();

    FakeNmClient(AbstractCallbackHandler callbacks) {
        super("fake-nm", callbacks);
        this.callbacks = callbacks;
    }

    @Override
    public void startContainerAsync(Container container, ContainerLaunchContext context) {
        starts.add(new Start(container, context));
    }

    @Override
    public void stopContainerAsync(ContainerId containerId, NodeId nodeId) {
    }

    @Override
    public void getContainerStatusAsync(ContainerId containerId, NodeId nodeId) {
    }

    @Override
    public void increaseContainerResourceAsync(Container container) {
    }

    @Override
    public void updateContainerResourceAsync(Container container) {
    }

    @Override
    public void reInitializeContainerAsync(ContainerId containerId, ContainerLaunchContext context, boolean autoCommit) {
    }

    @Override
    public void restartContainerAsync(ContainerId containerId) {
    }

    @Override
    public void rollbackLastReInitializationAsync(ContainerId containerId) {
    }

    @Override
    public void commitLastReInitializationAsync(ContainerId containerId) {
    }

    @Override
    protected void serviceInit(org.apache.hadoop.conf.Configuration conf) {
    }

    @Override
    protected void serviceStart() {
    }

    @Override
    protected void serviceStop() {
    }
}
