package dev.spindle.yarn.am.driver;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.hadoop.yarn.api.protocolrecords.RegisterApplicationMasterResponse;
import org.apache.hadoop.yarn.api.records.Container;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.FinalApplicationStatus;
import org.apache.hadoop.yarn.api.records.Priority;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.api.records.UpdateContainerRequest;
import org.apache.hadoop.yarn.client.api.AMRMClient.ContainerRequest;
import org.apache.hadoop.yarn.client.api.async.AMRMClientAsync;

/** Records what the driver asks of YARN's RM; the test plays the RM through {@link #callbacks}. */
final class FakeAmrmClient extends AMRMClientAsync<ContainerRequest> {

    final AbstractCallbackHandler callbacks;
    final List<ContainerRequest> added = new CopyOnWriteArrayList<>();
    final List<ContainerRequest> removed = new CopyOnWriteArrayList<>();
    final List<ContainerId> released = new CopyOnWriteArrayList<>();
    final List<Integer> heartbeats = new CopyOnWriteArrayList<>();
    String registeredHost;
    int registeredPort;
    String trackingUrl;
    FinalApplicationStatus unregisteredWith;
    String unregisterDiagnostics;
    boolean stopped;
    /** What the registration answers as containers an earlier attempt started and YARN kept. */
    final List<Container> keptFromPreviousAttempts = new CopyOnWriteArrayList<>();

    FakeAmrmClient(AbstractCallbackHandler callbacks) {
        super(1000, callbacks);
        this.callbacks = callbacks;
    }

    @Override
    public RegisterApplicationMasterResponse registerApplicationMaster(String host, int port, String url) {
        registeredHost = host;
        registeredPort = port;
        trackingUrl = url;
        RegisterApplicationMasterResponse response = RegisterApplicationMasterResponse.newInstance(
                Resource.newInstance(8192, 8), null, null, null, null, null, null);
        response.setContainersFromPreviousAttempts(List.copyOf(keptFromPreviousAttempts));
        return response;
    }

    @Override
    public void unregisterApplicationMaster(FinalApplicationStatus status, String diagnostics, String url) {
        unregisteredWith = status;
        unregisterDiagnostics = diagnostics;
    }

    @Override
    public void setHeartbeatInterval(int interval) {
        heartbeats.add(interval);
    }

    @Override
    public void addContainerRequest(ContainerRequest req) {
        added.add(req);
    }

    @Override
    public void removeContainerRequest(ContainerRequest req) {
        removed.add(req);
    }

    @Override
    public void releaseAssignedContainer(ContainerId containerId) {
        released.add(containerId);
    }

    @Override
    public List<? extends Collection<ContainerRequest>> getMatchingRequests(Priority priority, String resourceName, Resource capability) {
        return new ArrayList<>();
    }

    @Override
    public void requestContainerUpdate(org.apache.hadoop.yarn.api.records.Container container, UpdateContainerRequest request) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Resource getAvailableResources() {
        return Resource.newInstance(8192, 8);
    }

    @Override
    public int getClusterNodeCount() {
        return 2;
    }

    @Override
    public void updateBlacklist(List<String> additions, List<String> removals) {
    }

    @Override
    protected void serviceStop() {
        stopped = true;
    }
}
