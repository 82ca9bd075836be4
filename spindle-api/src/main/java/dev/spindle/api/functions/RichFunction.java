package dev.spindle.api.functions;

/** A function with a lifecycle: opened before the first record, closed after the last (or on failure). */
public interface RichFunction extends Function {

    void open(RuntimeContext context) throws Exception;

    void close() throws Exception;
}
