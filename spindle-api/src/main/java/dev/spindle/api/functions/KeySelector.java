package dev.spindle.api.functions;

/**
 * Extracts the key records are grouped by. The key must have a value-based {@code hashCode}
 * (String, boxed numbers, enums, Tuple2, records or classes overriding it), since it decides
 * which parallel subtask receives the record in every JVM.
 */
@FunctionalInterface
public interface KeySelector<T, K> extends Function {

    K getKey(T value) throws Exception;
}
