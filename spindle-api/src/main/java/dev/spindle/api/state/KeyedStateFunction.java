package dev.spindle.api.state;

/** What {@code applyToKeyedState} does with the state of one key. */
@FunctionalInterface
public interface KeyedStateFunction<K, S extends State> {

    /** Called once per key with that key's state. */
    void process(K key, S state) throws Exception;
}
