package dev.spindle.runtime.operators.co;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.spindle.api.OutputTag;
import dev.spindle.api.SingleOutputStreamOperator;
import dev.spindle.api.StreamEnvironment;
import dev.spindle.api.eventtime.WatermarkStrategy;
import dev.spindle.api.functions.Collector;
import dev.spindle.api.functions.RuntimeContext;
import dev.spindle.api.functions.co.KeyedCoProcessFunction;
import dev.spindle.api.state.MapState;
import dev.spindle.api.state.MapStateDescriptor;
import dev.spindle.api.state.ValueState;
import dev.spindle.api.state.ValueStateDescriptor;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An event-time enrichment join with a {@link KeyedCoProcessFunction} on the MiniCluster (three
 * TaskExecutors, inputs at parallelism 2, the join at 3): orders wait in keyed state for their
 * customer until an event-time timer {@link #WAIT} ms after the order; orders whose customer comes
 * later (or never) leave through a side output when the timer fires. Since the join's watermark is
 * the minimum over both inputs, the result does not depend on how the inputs interleave, and both
 * outputs are compared with a reference computed here.
 */
@Timeout(120)
class EnrichmentJoinTest {

    static final long WAIT = 100;
    static final int ORDERS = 3000;
    static final int CUSTOMERS = 200;
    /** Orders also name customers that never appear: those must all be unmatched. */
    static final int UNKNOWN = 10;
    static final OutputTag<String> UNMATCHED = new OutputTag<>("unmatched", String.class);

    record Order(long id, long customer, long ts) implements Serializable {
    }

    record Customer(long id, String name, long ts) implements Serializable {
    }

    static Order order(long i) {
        return new Order(i, i * 7 % (CUSTOMERS + UNKNOWN), i * 10);
    }

    static Customer customer(long j) {
        return new Customer(j, "name-" + j, j * 37);
    }

    static final class Enrich extends KeyedCoProcessFunction<Long, Order, Customer, String> {
        private static final long serialVersionUID = 1L;
        private transient ValueState<Customer> customer;
        private transient MapState<Long, Order> pending;

        @Override
        public void open(RuntimeContext context) throws Exception {
            super.open(context);
            customer = context.getState(new ValueStateDescriptor<>("customer", Customer.class));
            pending = context.getMapState(new MapStateDescriptor<>("pending", Long.class, Order.class));
        }

        @Override
        public void processElement1(Order order, Context ctx, Collector<String> out) throws Exception {
            Customer c = customer.value();
            if (c != null && c.ts() <= order.ts() + WAIT) {
                out.collect(joined(order, c));
            } else {
                pending.put(order.id(), order);
                ctx.timerService().registerEventTimeTimer(order.ts() + WAIT);
            }
        }

        @Override
        public void processElement2(Customer c, Context ctx, Collector<String> out) throws Exception {
            if (!ctx.getCurrentKey().equals(c.id())) {
                throw new IllegalStateException("customer " + c.id() + " processed under key " + ctx.getCurrentKey());
            }
            customer.update(c);
            List<Long> done = new ArrayList<>();
            for (var e : pending.entries()) {
                if (c.ts() <= e.getValue().ts() + WAIT) {
                    out.collect(joined(e.getValue(), c));
                    done.add(e.getKey());
                }
            }
            for (Long id : done) {
                pending.remove(id);
            }
        }

        @Override
        public void onTimer(long timestamp, OnTimerContext ctx, Collector<String> out) throws Exception {
            List<Long> expired = new ArrayList<>();
            for (var e : pending.entries()) {
                if (e.getValue().ts() + WAIT == timestamp) {
                    expired.add(e.getKey());
                }
            }
            for (Long id : expired) {
                ctx.output(UNMATCHED, id + "|" + ctx.getCurrentKey() + "|" + ctx.timeDomain() + "|" + ctx.timestamp());
                pending.remove(id);
            }
        }
    }

    static String joined(Order o, Customer c) {
        return o.id() + "|" + c.name();
    }

    @Test
    void ordersMeetTheirCustomersOrTimeOutByEventTime() throws Exception {
        StreamEnvironment env = ConnectedStreamsTest.environment();
        SingleOutputStreamOperator<String> joined = env.fromGenerator(ORDERS, EnrichmentJoinTest::order)
                .assignTimestampsAndWatermarks(WatermarkStrategy.<Order>forMonotonousTimestamps().withTimestampAssigner((o, t) -> o.ts()))
                .connect(env.fromGenerator(CUSTOMERS, EnrichmentJoinTest::customer)
                        .assignTimestampsAndWatermarks(WatermarkStrategy.<Customer>forMonotonousTimestamps()
                                .withTimestampAssigner((c, t) -> c.ts())))
                .keyBy(Order::customer, Customer::id)
                .process(new Enrich()).setParallelism(3);
        joined.addSink(new ConnectedStreamsTest.Collect("joined")).setParallelism(2);
        joined.getSideOutput(UNMATCHED).addSink(new ConnectedStreamsTest.Collect("unmatched")).setParallelism(1);
        ConnectedStreamsTest.run(env, "enrichment join");

        List<String> expectedJoined = new ArrayList<>();
        List<String> expectedUnmatched = new ArrayList<>();
        for (long i = 0; i < ORDERS; i++) {
            Order o = order(i);
            if (o.customer() < CUSTOMERS && customer(o.customer()).ts() <= o.ts() + WAIT) {
                expectedJoined.add(joined(o, customer(o.customer())));
            } else {
                expectedUnmatched.add(o.id() + "|" + o.customer() + "|EVENT_TIME|" + (o.ts() + WAIT));
            }
        }
        expectedJoined.sort(null);
        expectedUnmatched.sort(null);
        assertFalse(expectedJoined.isEmpty() || expectedUnmatched.isEmpty(), "the reference needs both outcomes");
        assertEquals(expectedJoined, ConnectedStreamsTest.sorted("joined"));
        assertEquals(expectedUnmatched, ConnectedStreamsTest.sorted("unmatched"));
    }
}
