package dev.spindle.runtime.operators;

import dev.spindle.api.functions.ReduceFunction;
import dev.spindle.api.tuple.Tuple2;

/**
 * Adds up field {@code position} of Tuple2 records (Long, Integer or Double); the other field is
 * taken from the first record. Typed on Object so that records of another type get a clear error
 * rather than a ClassCastException from a bridge method.
 */
public final class TupleSumFunction implements ReduceFunction<Object> {

    private static final long serialVersionUID = 1L;

    private final int position;

    public TupleSumFunction(int position) {
        if (position != 0 && position != 1) {
            throw new IllegalArgumentException("sum(" + position + "): a Tuple2 has fields 0 and 1");
        }
        this.position = position;
    }

    @Override
    public Object reduce(Object accumulated, Object value) {
        if (!(accumulated instanceof Tuple2<?, ?> acc) || !(value instanceof Tuple2<?, ?> next)) {
            Object other = accumulated instanceof Tuple2<?, ?> ? value : accumulated;
            throw new IllegalArgumentException("sum(" + position + ") works on Tuple2 records, but got "
                    + (other == null ? "null" : "a " + other.getClass().getName()) + "; use reduce((a, b) -> ...) for other types");
        }
        Object sum = add(acc.getField(position), next.getField(position));
        return position == 0 ? Tuple2.of(sum, acc.f1) : Tuple2.of(acc.f0, sum);
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
