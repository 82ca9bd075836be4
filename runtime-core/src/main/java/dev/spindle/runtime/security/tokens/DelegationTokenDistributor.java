package dev.spindle.runtime.security.tokens;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the latest delegation tokens to TaskExecutors. TaskExecutors report the version they hold
 * in every heartbeat and get anything newer in the answer: pulled rather than pushed, so that a
 * TaskExecutor that missed an update (busy, re-registering, launched with older tokens) catches up
 * on its next heartbeat without any bookkeeping of who has what. Safe for any thread.
 */
public final class DelegationTokenDistributor {

    private static final Logger LOG = LoggerFactory.getLogger(DelegationTokenDistributor.class);

    private final AtomicReference<VersionedTokens> latest = new AtomicReference<>();

    /** Makes {@code serializedCredentials} the tokens every TaskExecutor is to hold; returns its version. */
    public long publish(byte[] serializedCredentials) {
        VersionedTokens next = latest.updateAndGet(prev -> new VersionedTokens(prev == null ? 1 : prev.version() + 1,
                serializedCredentials.clone()));
        LOG.info("Delegation tokens version {} ({} bytes) published to TaskExecutors", next.version(), serializedCredentials.length);
        return next.version();
    }

    /** The latest tokens when they are newer than {@code heldVersion}; empty when the holder is up to date. */
    public Optional<VersionedTokens> newerThan(long heldVersion) {
        VersionedTokens current = latest.get();
        return current != null && current.version() > heldVersion ? Optional.of(current) : Optional.empty();
    }
}
