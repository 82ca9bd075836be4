package dev.spindle.runtime.state;

import dev.spindle.api.state.AggregatingState;
import dev.spindle.api.state.AggregatingStateDescriptor;
import dev.spindle.api.state.KeyedStateStore;
import dev.spindle.api.state.ListState;
import dev.spindle.api.state.ListStateDescriptor;
import dev.spindle.api.state.MapState;
import dev.spindle.api.state.MapStateDescriptor;
import dev.spindle.api.state.ReducingState;
import dev.spindle.api.state.ReducingStateDescriptor;
import dev.spindle.api.state.State;
import dev.spindle.api.state.StateDescriptor;
import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;

/**
 * Keyed state bound to one state key (a key, or a key and a window): every call on a state it hands
 * out reads and writes that key's entry and then gives the backend back the key it had, so a
 * window's state can be used beside the keyed state of the record's key.
 */
public final class ScopedKeyedStateStore implements KeyedStateStore {

    private final KeyedStateBackend backend;
    private final Object scope;
    private final Consumer<StateDescriptor<?, ?>> onUse;

    /** State of {@code scope}; {@code onUse} hears of every descriptor asked for (e.g. to clear them later), may be null. */
    public ScopedKeyedStateStore(KeyedStateBackend backend, Object scope, Consumer<StateDescriptor<?, ?>> onUse) {
        this.backend = backend;
        this.scope = scope;
        this.onUse = onUse;
    }

    @Override
    public <T> ValueState<T> getState(ValueStateDescriptor<T> descriptor) {
        return get(descriptor);
    }

    @Override
    public <T> ListState<T> getListState(ListStateDescriptor<T> descriptor) {
        return get(descriptor);
    }

    @Override
    public <UK, UV> MapState<UK, UV> getMapState(MapStateDescriptor<UK, UV> descriptor) {
        return get(descriptor);
    }

    @Override
    public <T> ReducingState<T> getReducingState(ReducingStateDescriptor<T> descriptor) {
        return get(descriptor);
    }

    @Override
    public <IN, ACC, OUT> AggregatingState<IN, OUT> getAggregatingState(AggregatingStateDescriptor<IN, ACC, OUT> descriptor) {
        return get(descriptor);
    }

    /** The state {@code descriptor} names, of any kind, bound to this store's key. */
    public <S extends State> S get(StateDescriptor<S, ?> descriptor) {
        if (onUse != null) {
            onUse.accept(descriptor);
        }
        return bind(backend.getState(descriptor), backend, scope);
    }

    /** {@code state} (of {@code backend}) bound to state key {@code scope}. */
    @SuppressWarnings("unchecked")
    static <S extends State> S bind(S state, KeyedStateBackend backend, Object scope) {
        return (S) Proxy.newProxyInstance(State.class.getClassLoader(), state.getClass().getInterfaces(), (proxy, method, args) -> {
            Object previous = backend.getCurrentKey();
            backend.setCurrentKey(scope);
            try {
                return method.invoke(state, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            } finally {
                if (previous == null) {
                    backend.clearCurrentKey();
                } else {
                    backend.setCurrentKey(previous);
                }
            }
        });
    }
}
