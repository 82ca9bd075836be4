package dev.spindle.api.state;

import dev.spindle.api.typeinfo.TypeInformation;
import java.io.Serializable;
import java.util.Objects;

/**
 * Names a state and says the type of its values; asking for a state with the same name again
 * returns the same state. Optionally gives the state a time-to-live.
 *
 * @param <S> the kind of state it describes
 * @param <T> the type of the values kept
 */
public abstract class StateDescriptor<S extends State, T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final TypeInformation<T> typeInfo;
    private StateTtlConfig ttlConfig;

    protected StateDescriptor(String name, TypeInformation<T> typeInfo) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("A " + getClass().getSimpleName() + " needs a non-empty name");
        }
        this.name = name;
        this.typeInfo = typeInfo;
    }

    /** The state's name, unique within the operator. */
    public String getName() {
        return name;
    }

    /** The type of the values kept; null when the descriptor was made from a default value only. */
    public TypeInformation<T> getTypeInformation() {
        return typeInfo;
    }

    /** Gives every entry of the state the time-to-live {@code ttlConfig} (keyed state only). */
    public void enableTimeToLive(StateTtlConfig ttlConfig) {
        this.ttlConfig = Objects.requireNonNull(ttlConfig, "ttl config");
    }

    /** The time-to-live, or null when entries live until cleared. */
    public StateTtlConfig getTtlConfig() {
        return ttlConfig;
    }

    /** Whether entries of this state expire. */
    public boolean isTtlEnabled() {
        return ttlConfig != null && ttlConfig.isEnabled();
    }

    static <T> TypeInformation<T> typeOf(Class<T> type) {
        return TypeInformation.of(Objects.requireNonNull(type, "type"));
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((StateDescriptor<?, ?>) o).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{name=" + name + ", type=" + typeInfo + (ttlConfig == null ? "" : ", ttl=" + ttlConfig) + '}';
    }
}
