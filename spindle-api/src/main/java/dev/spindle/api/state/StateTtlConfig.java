package dev.spindle.api.state;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Time-to-live of keyed state entries (processing time): an entry expires {@code ttl} after it was
 * last written (or also read, with {@link UpdateType#OnReadAndWrite}). Expired entries are removed
 * when read and, with {@link Builder#cleanupFullSnapshot()}, left out of checkpoints and savepoints.
 * For list and map state every element or mapping expires on its own.
 */
public final class StateTtlConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    /** When an entry's time-to-live starts again. */
    public enum UpdateType {
        /** TTL is disabled. */
        Disabled,
        /** The clock restarts when the entry is created or written. */
        OnCreateAndWrite,
        /** The clock restarts when the entry is created, written or read. */
        OnReadAndWrite
    }

    /** Whether a read may still return an expired entry that has not been removed yet. */
    public enum StateVisibility {
        /** An expired entry that is still stored may be returned. */
        ReturnExpiredIfNotCleanedUp,
        /** An expired entry is never returned. */
        NeverReturnExpired
    }

    /** Which clock TTL is measured on; only processing time is supported, as in Flink. */
    public enum TtlTimeCharacteristic {
        /** The processing time of the TaskExecutor. */
        ProcessingTime
    }

    private final Duration ttl;
    private final UpdateType updateType;
    private final StateVisibility stateVisibility;
    private final boolean cleanupFullSnapshot;

    private StateTtlConfig(Duration ttl, UpdateType updateType, StateVisibility stateVisibility, boolean cleanupFullSnapshot) {
        this.ttl = ttl;
        this.updateType = updateType;
        this.stateVisibility = stateVisibility;
        this.cleanupFullSnapshot = cleanupFullSnapshot;
    }

    /** A builder for entries that live {@code ttl}. */
    public static Builder newBuilder(Duration ttl) {
        return new Builder(ttl);
    }

    /** How long an entry lives after its last update. */
    public Duration getTtl() {
        return ttl;
    }

    /** What restarts an entry's time-to-live. */
    public UpdateType getUpdateType() {
        return updateType;
    }

    /** Whether expired, not yet removed entries can be read. */
    public StateVisibility getStateVisibility() {
        return stateVisibility;
    }

    /** The clock the time-to-live is measured on. */
    public TtlTimeCharacteristic getTtlTimeCharacteristic() {
        return TtlTimeCharacteristic.ProcessingTime;
    }

    /** Whether checkpoints and savepoints leave expired entries out. */
    public boolean isCleanupInFullSnapshot() {
        return cleanupFullSnapshot;
    }

    /** Whether time-to-live applies (its update type is not {@link UpdateType#Disabled}). */
    public boolean isEnabled() {
        return updateType != UpdateType.Disabled;
    }

    @Override
    public String toString() {
        return "StateTtlConfig{ttl=" + ttl + ", updateType=" + updateType + ", stateVisibility=" + stateVisibility
                + ", cleanupFullSnapshot=" + cleanupFullSnapshot + '}';
    }

    /** Builds a {@link StateTtlConfig}; by default OnCreateAndWrite and NeverReturnExpired. */
    public static final class Builder {

        private Duration ttl;
        private UpdateType updateType = UpdateType.OnCreateAndWrite;
        private StateVisibility stateVisibility = StateVisibility.NeverReturnExpired;
        private boolean cleanupFullSnapshot;

        private Builder(Duration ttl) {
            setTtl(ttl);
        }

        /** Sets what restarts an entry's time-to-live. */
        public Builder setUpdateType(UpdateType updateType) {
            this.updateType = Objects.requireNonNull(updateType, "update type");
            return this;
        }

        /** Restarts the time-to-live on creation and every write. */
        public Builder updateTtlOnCreateAndWrite() {
            return setUpdateType(UpdateType.OnCreateAndWrite);
        }

        /** Restarts the time-to-live on creation, every write and every read. */
        public Builder updateTtlOnReadAndWrite() {
            return setUpdateType(UpdateType.OnReadAndWrite);
        }

        /** Sets whether expired, not yet removed entries can be read. */
        public Builder setStateVisibility(StateVisibility stateVisibility) {
            this.stateVisibility = Objects.requireNonNull(stateVisibility, "state visibility");
            return this;
        }

        /** Expired entries are never returned. */
        public Builder neverReturnExpired() {
            return setStateVisibility(StateVisibility.NeverReturnExpired);
        }

        /** Expired entries are returned until they are removed. */
        public Builder returnExpiredIfNotCleanedUp() {
            return setStateVisibility(StateVisibility.ReturnExpiredIfNotCleanedUp);
        }

        /** Only processing time is supported; anything else is refused. */
        public Builder setTtlTimeCharacteristic(TtlTimeCharacteristic characteristic) {
            if (characteristic != TtlTimeCharacteristic.ProcessingTime) {
                throw new IllegalArgumentException("State TTL supports only processing time, not " + characteristic);
            }
            return this;
        }

        /** Leaves expired entries out of every checkpoint and savepoint (and so out of restored state). */
        public Builder cleanupFullSnapshot() {
            this.cleanupFullSnapshot = true;
            return this;
        }

        /** Sets how long an entry lives after its last update (positive). */
        public Builder setTtl(Duration ttl) {
            Objects.requireNonNull(ttl, "ttl");
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("A state TTL must be positive, was " + ttl);
            }
            this.ttl = ttl;
            return this;
        }

        /** The configuration. */
        public StateTtlConfig build() {
            return new StateTtlConfig(ttl, updateType, stateVisibility, cleanupFullSnapshot);
        }
    }
}
