package dev.spindle.api.state;

import dev.spindle.api.typeinfo.TypeInformation;
import java.util.Map;
import java.util.Objects;

/** Names a {@link MapState} and says its key and value types. */
public final class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>, Map<UK, UV>> {

    private static final long serialVersionUID = 1L;

    private final TypeInformation<UK> keyType;
    private final TypeInformation<UV> valueType;

    /** A map state named {@code name} from {@code keyClass} to {@code valueClass}. */
    public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
        this(name, typeOf(keyClass), typeOf(valueClass));
    }

    /** A map state named {@code name} with the given key and value types (e.g. from {@code TypeHint}s). */
    public MapStateDescriptor(String name, TypeInformation<UK> keyType, TypeInformation<UV> valueType) {
        super(name, null);
        this.keyType = Objects.requireNonNull(keyType, "key type");
        this.valueType = Objects.requireNonNull(valueType, "value type");
    }

    /** The type of the map's keys. */
    public TypeInformation<UK> getKeyTypeInformation() {
        return keyType;
    }

    /** The type of the map's values. */
    public TypeInformation<UV> getValueTypeInformation() {
        return valueType;
    }
}
