package io.datamind.sample;

import io.datamind.sample.SalesData.Customer;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;

/** The whole sample store from one fixed seed: the same rows on every run, on every machine. */
final class SalesGenerator {

    static final long SEED = 20_220_101L;

    private SalesGenerator() {}

    static SalesData generate(BooleanSupplier cancelled) {
        SplittableRandom root = new SplittableRandom(SEED);
        Assortment assortment = new Assortment(root.split());
        List<Customer> customers = new CustomerGenerator(root.split()).generate();
        OrderGenerator orders =
                new OrderGenerator(assortment, customers, root.split(), root.split(), root.split(), cancelled);
        orders.generate();
        return new SalesData(
                assortment.categories,
                assortment.products,
                customers,
                orders.orders,
                orders.orderLines,
                orders.payments,
                orders.returns);
    }
}
