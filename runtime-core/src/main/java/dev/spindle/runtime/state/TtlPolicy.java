package dev.spindle.runtime.state;

import dev.spindle.api.state.StateDescriptor;
import dev.spindle.api.state.StateTtlConfig;

/**
 * Applies a descriptor's time-to-live to stored values: with TTL on, every stored value (each list
 * element, each map value) is a {@link TtlValue}; without, the user's value itself. An expired value
 * is removed when read (and returned that once only if its visibility allows), and left out of a
 * snapshot when {@code cleanupFullSnapshot} is set.
 */
final class TtlPolicy {

    static final String TTL_KIND_SUFFIX = "+TTL";

    private final StateTtlConfig config;
    private final TtlTimeProvider clock;
    private final long ttlMillis;

    TtlPolicy(StateDescriptor<?, ?> descriptor, TtlTimeProvider clock) {
        this.config = descriptor.isTtlEnabled() ? descriptor.getTtlConfig() : null;
        this.clock = clock;
        this.ttlMillis = config == null ? Long.MAX_VALUE : config.getTtl().toMillis();
    }

    boolean enabled() {
        return config != null;
    }

    /** The state's kind as written into checkpoints: TTL changes the stored form, so it is part of the kind. */
    String kind(String baseKind) {
        return enabled() ? baseKind + TTL_KIND_SUFFIX : baseKind;
    }

    long now() {
        return clock.currentTimestamp();
    }

    Object wrap(Object value) {
        return enabled() ? new TtlValue<>(value, now()) : value;
    }

    boolean isExpired(Object stored, long now) {
        return enabled() && stored instanceof TtlValue<?> v && now - v.lastAccessTimestamp() >= ttlMillis;
    }

    @SuppressWarnings("unchecked")
    <T> T unwrap(Object stored) {
        return enabled() && stored instanceof TtlValue<?> v ? (T) v.userValue() : (T) stored;
    }

    boolean returnExpired() {
        return config.getStateVisibility() == StateTtlConfig.StateVisibility.ReturnExpiredIfNotCleanedUp;
    }

    boolean updateOnRead() {
        return enabled() && config.getUpdateType() == StateTtlConfig.UpdateType.OnReadAndWrite;
    }

    /** The stored value with its time-to-live restarted (for reads with OnReadAndWrite). */
    Object touch(Object stored) {
        return new TtlValue<>(((TtlValue<?>) stored).userValue(), now());
    }

    boolean cleanupInSnapshot() {
        return enabled() && config.isCleanupInFullSnapshot();
    }
}
