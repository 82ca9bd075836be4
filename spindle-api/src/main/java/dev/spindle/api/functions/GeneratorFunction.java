package dev.spindle.api.functions;

/** Produces the record with the given index for {@code StreamEnvironment.fromGenerator}. */
@FunctionalInterface
public interface GeneratorFunction<T> extends Function {

    T generate(long index) throws Exception;
}
