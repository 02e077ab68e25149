package io.datamind.sample;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Every row of the sample store, in key order, before it is written. Money is in cents of US dollars. */
record SalesData(
        List<Category> categories,
        List<Product> products,
        List<Customer> customers,
        List<Order> orders,
        List<OrderLine> orderLines,
        List<Payment> payments,
        List<Return> returns) {

    record Category(int id, String name, String description) {}

    record Product(int id, int categoryId, String sku, String name, long priceCents, long costCents) {}

    record Customer(
            int id,
            String name,
            String email,
            String company,
            String segment,
            String country,
            String city,
            LocalDate signupDate) {}

    record Order(int id, int customerId, LocalDate orderDate, String status, String channel, String shippingCountry) {}

    record OrderLine(
            int id,
            int orderId,
            int lineNumber,
            int productId,
            int quantity,
            long unitPriceCents,
            int discountPercent,
            long netCents) {}

    record Payment(int id, int orderId, String method, long amountCents, LocalDateTime paidAt) {}

    record Return(int id, int orderLineId, int quantity, String reason, LocalDate returnedAt, long refundCents) {}
}
