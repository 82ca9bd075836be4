package dev.spindle.api.dag;

import dev.spindle.api.functions.KeySelector;
import dev.spindle.api.functions.co.BroadcastProcessFunction;
import dev.spindle.api.functions.co.CoFlatMapFunction;
import dev.spindle.api.functions.co.CoMapFunction;
import dev.spindle.api.functions.co.CoProcessFunction;
import dev.spindle.api.functions.co.KeyedBroadcastProcessFunction;
import dev.spindle.api.functions.co.KeyedCoProcessFunction;
import dev.spindle.api.state.MapStateDescriptor;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * What an operator on two connected streams does, with its user function. Key selectors are set
 * when the connected streams are keyed (then both inputs are keyed by the same key type), null otherwise.
 */
public sealed interface TwoInputOperatorDescription<IN1, IN2, OUT> extends Serializable {

    /** One output record per record of either input. */
    record CoMap<IN1, IN2, OUT>(KeySelector<IN1, ?> keySelector1, KeySelector<IN2, ?> keySelector2,
                                CoMapFunction<IN1, IN2, OUT> function) implements TwoInputOperatorDescription<IN1, IN2, OUT> {
        public CoMap {
            Objects.requireNonNull(function, "CoMapFunction");
        }
    }

    /** Zero or more output records per record of either input. */
    record CoFlatMap<IN1, IN2, OUT>(KeySelector<IN1, ?> keySelector1, KeySelector<IN2, ?> keySelector2,
                                    CoFlatMapFunction<IN1, IN2, OUT> function) implements TwoInputOperatorDescription<IN1, IN2, OUT> {
        public CoFlatMap {
            Objects.requireNonNull(function, "CoFlatMapFunction");
        }
    }

    /** Each record of either input with its timestamp and side outputs; keyed state when keyed, no timers. */
    record CoProcess<IN1, IN2, OUT>(KeySelector<IN1, ?> keySelector1, KeySelector<IN2, ?> keySelector2,
                                    CoProcessFunction<IN1, IN2, OUT> function) implements TwoInputOperatorDescription<IN1, IN2, OUT> {
        public CoProcess {
            Objects.requireNonNull(function, "CoProcessFunction");
        }
    }

    /** Each record of either input with its key's state and timers. */
    record KeyedCoProcess<K, IN1, IN2, OUT>(KeySelector<IN1, K> keySelector1, KeySelector<IN2, K> keySelector2,
                                            KeyedCoProcessFunction<K, IN1, IN2, OUT> function)
            implements TwoInputOperatorDescription<IN1, IN2, OUT> {
        public KeyedCoProcess {
            Objects.requireNonNull(keySelector1, "key selector of the first input");
            Objects.requireNonNull(keySelector2, "key selector of the second input");
            Objects.requireNonNull(function, "KeyedCoProcessFunction");
        }
    }

    /** A non-keyed stream (first input) with a broadcast stream (second input) and the broadcast states they share. */
    record BroadcastProcess<IN1, IN2, OUT>(BroadcastProcessFunction<IN1, IN2, OUT> function,
                                           List<MapStateDescriptor<?, ?>> broadcastStateDescriptors)
            implements TwoInputOperatorDescription<IN1, IN2, OUT> {
        public BroadcastProcess {
            Objects.requireNonNull(function, "BroadcastProcessFunction");
            broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
        }
    }

    /** A keyed stream (first input) with a broadcast stream (second input) and the broadcast states they share. */
    record KeyedBroadcastProcess<K, IN1, IN2, OUT>(KeySelector<IN1, K> keySelector,
                                                   KeyedBroadcastProcessFunction<K, IN1, IN2, OUT> function,
                                                   List<MapStateDescriptor<?, ?>> broadcastStateDescriptors)
            implements TwoInputOperatorDescription<IN1, IN2, OUT> {
        public KeyedBroadcastProcess {
            Objects.requireNonNull(keySelector, "key selector");
            Objects.requireNonNull(function, "KeyedBroadcastProcessFunction");
            broadcastStateDescriptors = List.copyOf(broadcastStateDescriptors);
        }
    }
}
