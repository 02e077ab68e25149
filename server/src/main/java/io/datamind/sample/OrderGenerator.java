package io.datamind.sample;

import static io.datamind.sample.CustomerGenerator.CONSUMER;
import static io.datamind.sample.CustomerGenerator.ENTERPRISE;
import static io.datamind.sample.CustomerGenerator.SMALL_BUSINESS;

import io.datamind.sample.Catalog.CategoryDef;
import io.datamind.sample.SalesData.Customer;
import io.datamind.sample.SalesData.Order;
import io.datamind.sample.SalesData.OrderLine;
import io.datamind.sample.SalesData.Payment;
import io.datamind.sample.SalesData.Product;
import io.datamind.sample.SalesData.Return;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** Day by day, the store's orders with their lines, the payments for them and what came back. */
final class OrderGenerator {

    static final String PROCESSING = "processing";
    static final String SHIPPED = "shipped";
    static final String DELIVERED = "delivered";
    static final String CANCELLED = "cancelled";

    private static final double NEW_CUSTOMER_SHARE = 0.3;
    private static final double FLASH_SALE_NEW_CUSTOMER_SHARE = 0.45;
    private static final int NEW_CUSTOMER_WINDOW_DAYS = 14;
    private static final double CANCEL_RATE = 0.03;
    private static final double OUTAGE_CANCEL_RATE = 0.18;
    private static final double GIFT_ABROAD_RATE = 0.03;
    private static final double DEFECTIVE_RETURN_RATE = 0.45;

    /** Lines per order: index is the count. */
    private static final Draw.Weighted LINE_COUNTS = new Draw.Weighted(0, 38, 26, 16, 10, 6, 2, 1, 1);

    private static final Draw.Weighted CONSUMER_QUANTITY = new Draw.Weighted(0, 78, 15, 4, 2, 1);
    /** When people pay, by hour of the day: evenings are busiest. */
    private static final Draw.Weighted HOURS = new Draw.Weighted(
            2, 1, 1, 0.5, 0.5, 0.8, 1.5, 3, 4, 5, 5.5, 6, 6.5, 6, 5.5, 5.5, 6, 6.5, 7.5, 9, 9.5, 8, 6, 4);

    private static final long[] GIFT_CARD_CENTS = {2_500, 5_000, 10_000};
    private static final List<String> CLOTHING_REASONS =
            List.of("Wrong size", "Changed mind", "Not as described", "Damaged in transit", "Defective");
    private static final Draw.Weighted CLOTHING_REASON_WEIGHTS = new Draw.Weighted(50, 22, 15, 8, 5);
    private static final List<String> REASONS =
            List.of("Changed mind", "Not as described", "Damaged in transit", "Defective", "Arrived too late");
    private static final Draw.Weighted REASON_WEIGHTS = new Draw.Weighted(30, 22, 20, 18, 10);

    private final Assortment assortment;
    private final List<Customer> customers;
    private final SplittableRandom orderRandom;
    private final SplittableRandom paymentRandom;
    private final SplittableRandom returnRandom;
    private final BooleanSupplier cancelled;

    final List<Order> orders = new ArrayList<>();
    final List<OrderLine> orderLines = new ArrayList<>();
    final List<Payment> payments = new ArrayList<>();
    final List<Return> returns = new ArrayList<>();

    OrderGenerator(
            Assortment assortment,
            List<Customer> customers,
            SplittableRandom orderRandom,
            SplittableRandom paymentRandom,
            SplittableRandom returnRandom,
            BooleanSupplier cancelled) {
        this.assortment = assortment;
        this.customers = customers;
        this.orderRandom = orderRandom;
        this.paymentRandom = paymentRandom;
        this.returnRandom = returnRandom;
        this.cancelled = cancelled;
    }

    void generate() {
        int signedUp = 0;
        int recent = 0;
        for (LocalDate day = SalesCalendar.FIRST_DAY; !day.isAfter(SalesCalendar.LAST_DAY); day = day.plusDays(1)) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("Sample generation cancelled");
            }
            while (signedUp < customers.size()
                    && !customers.get(signedUp).signupDate().isAfter(day)) {
                signedUp++;
            }
            LocalDate windowStart = day.minusDays(NEW_CUSTOMER_WINDOW_DAYS);
            while (recent < signedUp && customers.get(recent).signupDate().isBefore(windowStart)) {
                recent++;
            }
            int count = Draw.count(orderRandom, SalesCalendar.expectedOrders(day));
            for (int i = 0; i < count; i++) {
                order(day, customers.get(customerIndex(day, signedUp, recent)));
            }
        }
    }

    /** Mostly returning customers (older ones more loyal); some first orders from people who just signed up. */
    private int customerIndex(LocalDate day, int signedUp, int recent) {
        double newShare = SalesCalendar.inFlashSale(day) ? FLASH_SALE_NEW_CUSTOMER_SHARE : NEW_CUSTOMER_SHARE;
        if (recent < signedUp && Draw.chance(orderRandom, newShare)) {
            return recent + orderRandom.nextInt(signedUp - recent);
        }
        return (int) (signedUp * StrictMath.pow(orderRandom.nextDouble(), 1.25));
    }

    private void order(LocalDate day, Customer customer) {
        int orderId = orders.size() + 1;
        String status = status(day);
        boolean business = !customer.segment().equals(CONSUMER);
        String shippingCountry = Draw.chance(orderRandom, GIFT_ABROAD_RATE)
                ? CustomerGenerator.randomCountry(orderRandom).name()
                : customer.country();
        orders.add(new Order(orderId, customer.id(), day, status, channel(day, business), shippingCountry));

        int lineCount = LINE_COUNTS.pick(orderRandom);
        if (customer.segment().equals(ENTERPRISE)) {
            lineCount += orderRandom.nextInt(3);
        }
        int[] chosen = new int[lineCount];
        int lines = 0;
        long total = 0;
        for (int line = 0; line < lineCount; line++) {
            int productIndex = distinctProduct(day, business, chosen, lines);
            if (productIndex < 0) {
                continue;
            }
            chosen[lines++] = productIndex;
            Product product = assortment.products.get(productIndex);
            int quantity = quantity(customer.segment(), product.priceCents());
            long unitPrice = unitPrice(product, day);
            int discount = discountPercent(day, customer.segment());
            long net = (quantity * unitPrice * (100 - discount) + 50) / 100;
            OrderLine orderLine = new OrderLine(
                    orderLines.size() + 1, orderId, lines, product.id(), quantity, unitPrice, discount, net);
            orderLines.add(orderLine);
            total += net;
            if (status.equals(DELIVERED)) {
                maybeReturn(orderLine, productIndex, day, customer.segment());
            }
        }
        if (!status.equals(CANCELLED)) {
            pay(orderId, customer.segment(), total, day);
        }
    }

    private String status(LocalDate day) {
        double cancelRate = SalesCalendar.inOutage(day) ? OUTAGE_CANCEL_RATE : CANCEL_RATE;
        if (Draw.chance(orderRandom, cancelRate)) {
            return CANCELLED;
        }
        long age = ChronoUnit.DAYS.between(day, SalesCalendar.LAST_DAY);
        if (age <= 1) {
            return PROCESSING;
        }
        return age <= 6 ? SHIPPED : DELIVERED;
    }

    /** The mobile app wins share from the web shop year after year; businesses mostly order on the web. */
    private String channel(LocalDate day, boolean business) {
        double mobile = business ? 0.1 : 0.22 + 0.08 * SalesCalendar.yearsIn(day);
        if (SalesCalendar.inFlashSale(day)) {
            mobile += 0.15; // the sale was announced by push notification
        }
        double roll = orderRandom.nextDouble();
        if (roll < mobile) {
            return "mobile_app";
        }
        return roll < mobile + 0.1 ? "marketplace" : "web";
    }

    private int distinctProduct(LocalDate day, boolean business, int[] chosen, int count) {
        for (int attempt = 0; attempt < 5; attempt++) {
            int candidate = assortment.pick(orderRandom, day.getMonthValue(), business);
            boolean seen = false;
            for (int i = 0; i < count; i++) {
                seen |= chosen[i] == candidate;
            }
            if (!seen) {
                return candidate;
            }
        }
        return -1;
    }

    private int quantity(String segment, long priceCents) {
        if (segment.equals(ENTERPRISE)) {
            return 2 + orderRandom.nextInt(5) + (Draw.chance(orderRandom, 0.3) ? orderRandom.nextInt(10) : 0);
        }
        if (segment.equals(SMALL_BUSINESS)) {
            return 1 + orderRandom.nextInt(2) + (Draw.chance(orderRandom, 0.2) ? orderRandom.nextInt(5) : 0);
        }
        int quantity = CONSUMER_QUANTITY.pick(orderRandom);
        return priceCents < 2_000 && Draw.chance(orderRandom, 0.25) ? quantity + 1 : quantity;
    }

    /** The list price is today's; earlier years sold for less (about 4% a year), still ending in .99. */
    private static long unitPrice(Product product, LocalDate day) {
        double index = switch (day.getYear()) {
            case 2022 -> 0.92;
            case 2023 -> 0.96;
            default -> 1.0;
        };
        return Math.max(1, Math.round(product.priceCents() * index / 100.0)) * 100 - 1;
    }

    private int discountPercent(LocalDate day, String segment) {
        int discount = 0;
        if (SalesCalendar.inFlashSale(day)) {
            discount = SalesCalendar.FLASH_SALE_DISCOUNT_PERCENT;
        } else if (SalesCalendar.isBlackFridayWeekend(day)) {
            discount = Draw.chance(orderRandom, 0.6) ? 15 + 5 * orderRandom.nextInt(6) : 0;
        } else if (Draw.chance(orderRandom, 0.1)) {
            discount = 5 * (1 + orderRandom.nextInt(4));
        }
        if (segment.equals(ENTERPRISE)) {
            return Math.max(discount, 10); // contract price
        }
        if (segment.equals(SMALL_BUSINESS) && Draw.chance(orderRandom, 0.2)) {
            return Math.max(discount, 5);
        }
        return discount;
    }

    private void pay(int orderId, String segment, long total, LocalDate day) {
        String method = paymentMethod(segment, day);
        LocalDateTime paidAt;
        if (method.equals("bank_transfer")) {
            paidAt = LocalDateTime.of(
                    day.plusDays(3 + paymentRandom.nextInt(18)),
                    LocalTime.of(8 + paymentRandom.nextInt(10), paymentRandom.nextInt(60), paymentRandom.nextInt(60)));
        } else {
            paidAt = LocalDateTime.of(
                    day, LocalTime.of(HOURS.pick(paymentRandom), paymentRandom.nextInt(60), paymentRandom.nextInt(60)));
        }
        if (paidAt.toLocalDate().isAfter(SalesCalendar.LAST_DAY)) {
            return; // invoice still open at the end of the data
        }
        if (segment.equals(CONSUMER) && total > 4_000 && Draw.chance(paymentRandom, 0.05)) {
            long gift = Math.min(GIFT_CARD_CENTS[paymentRandom.nextInt(GIFT_CARD_CENTS.length)], total - 100);
            payments.add(new Payment(payments.size() + 1, orderId, "gift_card", gift, paidAt));
            payments.add(new Payment(payments.size() + 1, orderId, method, total - gift, paidAt.plusSeconds(20)));
            return;
        }
        payments.add(new Payment(payments.size() + 1, orderId, method, total, paidAt));
    }

    private String paymentMethod(String segment, LocalDate day) {
        double roll = paymentRandom.nextDouble();
        if (segment.equals(ENTERPRISE)) {
            return roll < 0.75 ? "bank_transfer" : "credit_card";
        }
        if (segment.equals(SMALL_BUSINESS)) {
            return roll < 0.6 ? "credit_card" : roll < 0.8 ? "paypal" : "bank_transfer";
        }
        // Wallet payments grow from 6% to about 20% of consumer payments over the three years.
        double wallet = 0.06 + 0.045 * SalesCalendar.yearsIn(day);
        double rest = 1 - wallet;
        if (roll < wallet) {
            return "digital_wallet";
        }
        roll = (roll - wallet) / rest;
        if (roll < 0.45) {
            return "credit_card";
        }
        if (roll < 0.71) {
            return "paypal";
        }
        return roll < 0.97 ? "debit_card" : "gift_card";
    }

    private void maybeReturn(OrderLine line, int productIndex, LocalDate day, String segment) {
        CategoryDef category = assortment.categoryOf.get(productIndex);
        boolean defective = SalesCalendar.inDefectiveBatch(day)
                && assortment.products.get(productIndex).name().equals(Catalog.DEFECTIVE_PRODUCT);
        double rate = defective ? DEFECTIVE_RETURN_RATE : category.returnRate();
        if (day.getMonthValue() == 12) {
            rate *= 1.4; // unwanted gifts
        }
        if (segment.equals(ENTERPRISE)) {
            rate *= 0.3;
        }
        if (!Draw.chance(returnRandom, rate)) {
            return;
        }
        LocalDate returnedAt = day.plusDays(defective ? 8 + returnRandom.nextInt(18) : 5 + returnRandom.nextInt(35));
        if (returnedAt.isAfter(SalesCalendar.LAST_DAY)) {
            return;
        }
        String reason;
        if (defective) {
            reason = "Defective";
        } else if (category.name().equals("Clothing")) {
            reason = CLOTHING_REASONS.get(CLOTHING_REASON_WEIGHTS.pick(returnRandom));
        } else {
            reason = REASONS.get(REASON_WEIGHTS.pick(returnRandom));
        }
        int quantity = line.quantity();
        if (quantity > 1 && !Draw.chance(returnRandom, 0.75)) {
            quantity = 1 + returnRandom.nextInt(line.quantity() - 1);
        }
        long refund = (line.netCents() * quantity * 2 + line.quantity()) / (2L * line.quantity());
        returns.add(new Return(returns.size() + 1, line.id(), quantity, reason, returnedAt, refund));
    }
}
