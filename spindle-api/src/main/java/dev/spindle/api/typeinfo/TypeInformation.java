package dev.spindle.api.typeinfo;

import java.io.Serializable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * The type of the values of a state or stream. Values are stored Java-serialized, so the type
 * serves to describe the state (and to refuse a restore of another type), not to pick a serializer.
 */
public final class TypeInformation<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String typeName;
    private final Class<?> rawType;

    private TypeInformation(String typeName, Class<?> rawType) {
        this.typeName = typeName;
        this.rawType = rawType;
    }

    /** The type of the instances of {@code type}. */
    public static <T> TypeInformation<T> of(Class<T> type) {
        Objects.requireNonNull(type, "type");
        return new TypeInformation<>(type.getName(), type);
    }

    /** The generic type captured by {@code hint}. */
    public static <T> TypeInformation<T> of(TypeHint<T> hint) {
        return hint.getTypeInfo();
    }

    static <T> TypeInformation<T> of(Type type) {
        Class<?> raw = type instanceof Class<?> c ? c
                : type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c2 ? c2 : Object.class;
        return new TypeInformation<>(type.getTypeName(), raw);
    }

    /** The class of the values (the raw class for a generic type). */
    public Class<?> getTypeClass() {
        return rawType;
    }

    /** The full type name, with type arguments. */
    public String getTypeName() {
        return typeName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TypeInformation<?> other && other.typeName.equals(typeName);
    }

    @Override
    public int hashCode() {
        return typeName.hashCode();
    }

    @Override
    public String toString() {
        return typeName;
    }
}
