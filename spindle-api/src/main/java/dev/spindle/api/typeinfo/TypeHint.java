package dev.spindle.api.typeinfo;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * Captures a generic type that a {@code Class} cannot express, e.g.
 * {@code new TypeHint<Tuple2<String, Long>>() {}}; create it as an anonymous subclass.
 */
public abstract class TypeHint<T> {

    private final TypeInformation<T> typeInfo;

    protected TypeHint() {
        Type superType = getClass().getGenericSuperclass();
        if (!(superType instanceof ParameterizedType p) || getClass().getSuperclass() != TypeHint.class) {
            throw new IllegalArgumentException("Create a TypeHint as a direct anonymous subclass with its type argument, "
                    + "e.g. new TypeHint<Tuple2<String, Long>>() {}");
        }
        this.typeInfo = TypeInformation.of(p.getActualTypeArguments()[0]);
    }

    /** The captured type. */
    public TypeInformation<T> getTypeInfo() {
        return typeInfo;
    }
}
