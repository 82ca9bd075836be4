package dev.spindle.runtime.taskexecutor;

import java.io.IOException;
import java.util.Optional;

import dev.spindle.runtime.rpc.RpcAddress;

/**
 * Tells a TaskExecutor where its resource manager runs now. A TaskExecutor can outlive the process
 * that hosts the resource manager (YARN keeps containers across ApplicationMaster attempts); when
 * the one it knows stops answering, it asks here before it gives up.
 */
@FunctionalInterface
public interface ResourceManagerLocator {

    /** The resource manager's current address, or empty when nothing says where it is. */
    Optional<RpcAddress> current() throws IOException;

    /** For a resource manager that never moves (the MiniCluster, a single attempt). */
    static ResourceManagerLocator fixed() {
        return Optional::empty;
    }
}
