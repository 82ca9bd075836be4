package dev.spindle.runtime.operators;

import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.api.tuple.Tuple2;

/** Adds up field {@code position} of Tuple2 records (Long, Integer or Double); the other field is taken from the first record. */
public final class TupleSumFunction<A, B> implements ReduceFunction<Tuple2<A, B>> {

    private static final long serialVersionUID = 1L;

    private final int position;

    public TupleSumFunction(int position) {
        if (position != 0 && position != 1) {
            throw new IllegalArgumentException("sum(" + position + "): a Tuple2 has fields 0 and 1");
        }
        this.position = position;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Tuple2<A, B> reduce(Tuple2<A, B> accumulated, Tuple2<A, B> value) {
        Object sum = add(accumulated.getField(position), value.getField(position));
        return position == 0 ? Tuple2.of((A) sum, accumulated.f1) : Tuple2.of(accumulated.f0, (B) sum);
    }

    private Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            return x + y;
        }
        if (a instanceof Integer x && b instanceof Integer y) {
            return x + y;
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x + y;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() + y.doubleValue();
        }
        throw new IllegalArgumentException("sum(" + position + ") needs numbers in field f" + position + ", got "
                + (a == null ? "null" : a.getClass().getName()) + " and " + (b == null ? "null" : b.getClass().getName()));
    }
}
