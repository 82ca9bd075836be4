package dev.spindle.api.state;

/** Hands out keyed state of one scope (a key, or a key and a window) by descriptor. */
public interface KeyedStateStore {

    /** The value state {@code descriptor} names, in this store's scope. */
    <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor);

    /** The list state {@code descriptor} names, in this store's scope. */
    <T> ListState<T> getListState(ListStateDescriptor<T> descriptor);

    /** The map state {@code descriptor} names, in this store's scope. */
    <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor);

    /** The reducing state {@code descriptor} names, in this store's scope. */
    <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor);

    /** The aggregating state {@code descriptor} names, in this store's scope. */
    <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor);
}
