package dev.spindle.api.tuple;

import java.io.Serializable;
import java.util.Objects;

/** A pair with public fields; serialized by Spindle's fast built-in serializer. */
public final class Tuple2<A, B> implements Serializable {

    private static final long serialVersionUID = 1L;

    public A f0;
    public B f1;

    /** An empty pair (for serializers). */
    public Tuple2() {
    }

    /** The pair ({@code f0}, {@code f1}). */
    public Tuple2(A f0, B f1) {
        this.f0 = f0;
        this.f1 = f1;
    }

    /** The pair ({@code f0}, {@code f1}). */
    public static <A, B> Tuple2<A, B> of(A f0, B f1) {
        return new Tuple2<>(f0, f1);
    }

    /** Field 0 or 1. */
    public Object getField(int pos) {
        return switch (pos) {
            case 0 -> f0;
            case 1 -> f1;
            default -> throw new IndexOutOfBoundsException("Tuple2 has fields 0 and 1, not " + pos);
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple2<?, ?> t && Objects.equals(f0, t.f0) && Objects.equals(f1, t.f1);
    }

    /** Value-based and stable across JVMs when the fields are (enums hash by name). */
    @Override
    public int hashCode() {
        return 31 * stableHash(f0) + stableHash(f1);
    }

    private static int stableHash(Object o) {
        if (o == null) {
            return 0;
        }
        if (o instanceof Enum<?> e) {
            return e.name().hashCode();
        }
        return o.hashCode();
    }

    @Override
    public String toString() {
        return "(" + f0 + "," + f1 + ")";
    }
}
