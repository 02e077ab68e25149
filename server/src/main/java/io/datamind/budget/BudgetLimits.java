package io.datamind.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** The budget period (a calendar month in UTC) and the bounds of a budget. */
final class BudgetLimits {

    /** A trillion tokens a month: far above any real budget, far below where sums could overflow. */
    static final long MAX_MONTHLY_TOKENS = 1_000_000_000_000L;

    private BudgetLimits() {}

    /** The first day of the UTC month that contains the instant. */
    static LocalDate periodOf(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    }

    /** When the period that starts on this day ends: midnight UTC of the next month's first day. */
    static Instant resetsAt(LocalDate periodStart) {
        return periodStart.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
