package io.datamind.sample;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * How many orders the sample store expects on a day: steady growth, a weekly rhythm, a yearly season with the
 * November/December peak, and the planted anomalies. Fixed dates only, so every generation tells the same story.
 */
final class SalesCalendar {

    static final LocalDate FIRST_DAY = LocalDate.of(2022, 1, 1);
    static final LocalDate LAST_DAY = LocalDate.of(2024, 12, 31);

    /** Planted spike: the "Summer Flash Sale", 30% off everything for one week (Monday to Sunday). */
    static final LocalDate FLASH_SALE_FIRST_DAY = LocalDate.of(2023, 6, 12);

    static final LocalDate FLASH_SALE_LAST_DAY = LocalDate.of(2023, 6, 18);
    static final int FLASH_SALE_DISCOUNT_PERCENT = 30;

    /** Planted dip: a checkout outage that nearly stopped orders for one week (Monday to Sunday). */
    static final LocalDate OUTAGE_FIRST_DAY = LocalDate.of(2024, 3, 4);

    static final LocalDate OUTAGE_LAST_DAY = LocalDate.of(2024, 3, 10);

    /** Planted returns anomaly: orders of {@link Catalog#DEFECTIVE_PRODUCT} in these days come from a bad batch. */
    static final LocalDate DEFECTIVE_BATCH_FIRST_DAY = LocalDate.of(2024, 8, 5);

    static final LocalDate DEFECTIVE_BATCH_LAST_DAY = LocalDate.of(2024, 9, 1);

    /** Expected orders per day on {@link #FIRST_DAY} before season and weekday. */
    private static final double BASE_ORDERS_PER_DAY = 30;

    private static final double YEARLY_GROWTH = 1.27;

    /** Monday first: busiest on Sunday evening and Monday, quietest on Saturday. */
    private static final double[] WEEKDAY = {1.08, 1.02, 1.0, 0.98, 0.92, 0.82, 1.18};

    /** Store-wide demand in the middle of each month, January first; days in between are interpolated. */
    private static final double[] MONTH = {0.88, 0.8, 0.9, 0.92, 0.95, 0.97, 0.93, 0.95, 0.98, 1.05, 1.3, 1.7};

    /** Monday to Sunday of the outage week: degraded, down for three days, then a slow recovery. */
    private static final double[] OUTAGE = {0.45, 0.05, 0.05, 0.05, 0.3, 0.5, 0.55};

    private static final double FLASH_SALE_FACTOR = 2.6;

    private SalesCalendar() {}

    static boolean inFlashSale(LocalDate day) {
        return !day.isBefore(FLASH_SALE_FIRST_DAY) && !day.isAfter(FLASH_SALE_LAST_DAY);
    }

    static boolean inOutage(LocalDate day) {
        return !day.isBefore(OUTAGE_FIRST_DAY) && !day.isAfter(OUTAGE_LAST_DAY);
    }

    static boolean inDefectiveBatch(LocalDate day) {
        return !day.isBefore(DEFECTIVE_BATCH_FIRST_DAY) && !day.isAfter(DEFECTIVE_BATCH_LAST_DAY);
    }

    /** Black Friday and the weekend and Cyber Monday after it: the biggest discount days of the year. */
    static boolean isBlackFridayWeekend(LocalDate day) {
        LocalDate blackFriday = blackFriday(day.getYear());
        return !day.isBefore(blackFriday) && !day.isAfter(blackFriday.plusDays(3));
    }

    static LocalDate blackFriday(int year) {
        return LocalDate.of(year, Month.NOVEMBER, 1)
                .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY))
                .plusDays(1);
    }

    /** Years since {@link #FIRST_DAY}, as a fraction. */
    static double yearsIn(LocalDate day) {
        return ChronoUnit.DAYS.between(FIRST_DAY, day) / 365.25;
    }

    /** Expected orders on the day without the planted anomalies; signups follow this curve too. */
    static double regularOrders(LocalDate day) {
        return BASE_ORDERS_PER_DAY
                * StrictMath.pow(YEARLY_GROWTH, yearsIn(day))
                * WEEKDAY[day.getDayOfWeek().getValue() - 1]
                * season(day)
                * holidays(day);
    }

    /** Expected orders on the day, anomalies included. */
    static double expectedOrders(LocalDate day) {
        double orders = regularOrders(day);
        if (inFlashSale(day)) {
            orders *= FLASH_SALE_FACTOR;
        }
        if (inOutage(day)) {
            orders *= OUTAGE[day.getDayOfWeek().getValue() - 1];
        }
        return orders;
    }

    private static double season(LocalDate day) {
        // Interpolate between the middles of this month and the nearer neighbour, so months flow into each other.
        int month = day.getMonthValue() - 1;
        double middle = (day.lengthOfMonth() + 1) / 2.0;
        double offset = (day.getDayOfMonth() - middle) / day.lengthOfMonth();
        int neighbour = offset < 0 ? (month + 11) % 12 : (month + 1) % 12;
        double weight = Math.abs(offset);
        return MONTH[month] * (1 - weight) + MONTH[neighbour] * weight;
    }

    private static double holidays(LocalDate day) {
        LocalDate blackFriday = blackFriday(day.getYear());
        long fromBlackFriday = ChronoUnit.DAYS.between(blackFriday, day);
        if (fromBlackFriday == -1) {
            return 0.9; // Thanksgiving
        }
        if (fromBlackFriday == 0) {
            return 2.6;
        }
        if (fromBlackFriday == 1 || fromBlackFriday == 2) {
            return 1.7;
        }
        if (fromBlackFriday == 3) {
            return 2.3; // Cyber Monday
        }
        if (fromBlackFriday >= -5 && fromBlackFriday <= -2) {
            return 1.1; // early deals
        }
        if (day.getMonth() == Month.DECEMBER) {
            int dayOfMonth = day.getDayOfMonth();
            if (dayOfMonth >= 21 && dayOfMonth <= 23) {
                return 0.8; // past the last shipping day before Christmas
            }
            if (dayOfMonth == 24) {
                return 0.5;
            }
            if (dayOfMonth == 25) {
                return 0.3;
            }
            if (dayOfMonth >= 26) {
                return 0.65;
            }
        }
        if (day.getMonth() == Month.JANUARY && day.getDayOfMonth() == 1) {
            return 0.6;
        }
        return 1.0;
    }
}
