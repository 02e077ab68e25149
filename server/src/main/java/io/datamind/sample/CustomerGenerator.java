package io.datamind.sample;

import io.datamind.sample.Geography.Country;
import io.datamind.sample.SalesData.Customer;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The store's customers, numbered in signup order: a base that joined in 2021, then signups that follow the
 * store's own growth and season.
 */
final class CustomerGenerator {

    static final String CONSUMER = "Consumer";
    static final String SMALL_BUSINESS = "Small Business";
    static final String ENTERPRISE = "Enterprise";

    private static final int EARLY_CUSTOMERS = 2_500;
    private static final int LATER_CUSTOMERS = 13_500;
    private static final LocalDate EARLY_FIRST_DAY = LocalDate.of(2021, 1, 1);

    private static final List<String> SEGMENTS = List.of(CONSUMER, SMALL_BUSINESS, ENTERPRISE);
    private static final Draw.Weighted SEGMENT_WEIGHTS = new Draw.Weighted(82, 14, 4);
    private static final Draw.Weighted COUNTRY_WEIGHTS = new Draw.Weighted(
            Geography.COUNTRIES.stream().mapToDouble(Country::weight).toArray());
    private static final Draw.Weighted MAIL_PROVIDERS = new Draw.Weighted(Geography.MAIL_PROVIDER_WEIGHTS);

    private final SplittableRandom random;
    private final Set<String> emails = new HashSet<>();
    private final Map<String, Draw.Weighted> cityWeights = new HashMap<>();

    CustomerGenerator(SplittableRandom random) {
        this.random = random;
    }

    List<Customer> generate() {
        LocalDate[] signups = signupDates();
        List<Customer> customers = new ArrayList<>(signups.length);
        for (int i = 0; i < signups.length; i++) {
            customers.add(customer(i + 1, signups[i]));
        }
        return customers;
    }

    /** A country drawn in proportion to where customers live, for gifts shipped abroad. */
    static Country randomCountry(SplittableRandom random) {
        return Geography.COUNTRIES.get(COUNTRY_WEIGHTS.pick(random));
    }

    private LocalDate[] signupDates() {
        LocalDate[] dates = new LocalDate[EARLY_CUSTOMERS + LATER_CUSTOMERS];
        int earlyDays = (int) ChronoUnit.DAYS.between(EARLY_FIRST_DAY, SalesCalendar.FIRST_DAY);
        for (int i = 0; i < EARLY_CUSTOMERS; i++) {
            dates[i] = EARLY_FIRST_DAY.plusDays(random.nextInt(earlyDays));
        }
        int days = (int) ChronoUnit.DAYS.between(SalesCalendar.FIRST_DAY, SalesCalendar.LAST_DAY) + 1;
        double[] weights = new double[days];
        for (int d = 0; d < days; d++) {
            weights[d] = SalesCalendar.regularOrders(SalesCalendar.FIRST_DAY.plusDays(d));
        }
        Draw.Weighted dayWeights = new Draw.Weighted(weights);
        for (int i = 0; i < LATER_CUSTOMERS; i++) {
            dates[EARLY_CUSTOMERS + i] = SalesCalendar.FIRST_DAY.plusDays(dayWeights.pick(random));
        }
        Arrays.sort(dates);
        return dates;
    }

    private Customer customer(int id, LocalDate signup) {
        String segment = SEGMENTS.get(SEGMENT_WEIGHTS.pick(random));
        Country country = randomCountry(random);
        String city = city(country);
        String first = Draw.oneOf(random, country.names().first());
        String last = Draw.oneOf(random, country.names().last());
        String company = null;
        String domain;
        if (segment.equals(CONSUMER)) {
            domain = Geography.MAIL_PROVIDERS.get(MAIL_PROVIDERS.pick(random));
        } else {
            String word = Draw.oneOf(random, Geography.COMPANY_WORDS);
            String kind = Draw.oneOf(random, Geography.COMPANY_KINDS);
            company = word + " " + kind;
            domain = (word + kind).toLowerCase(Locale.ROOT) + "." + country.domain();
        }
        String email = uniqueEmail(first, last, domain, segment.equals(CONSUMER));
        return new Customer(id, first + " " + last, email, company, segment, country.name(), city, signup);
    }

    private String city(Country country) {
        List<String> cities = country.cities();
        return cities.get(cityWeights
                .computeIfAbsent(country.name(), name -> cityWeights(cities.size()))
                .pick(random));
    }

    /** The n-th largest city gets about 1/n^0.8 of the country's customers. */
    private static Draw.Weighted cityWeights(int cities) {
        double[] weights = new double[cities];
        for (int i = 0; i < cities; i++) {
            weights[i] = 1.0 / StrictMath.pow(i + 1, 0.8);
        }
        return new Draw.Weighted(weights);
    }

    private String uniqueEmail(String first, String last, String domain, boolean personal) {
        String f = mailbox(first);
        String l = mailbox(last);
        String local;
        if (personal) {
            local = switch (random.nextInt(5)) {
                case 0 -> f + l;
                case 1 -> f + "_" + l;
                case 2 -> f.charAt(0) + l;
                case 3 -> f + "." + l + (random.nextInt(90) + 10);
                default -> f + "." + l;
            };
        } else {
            local = random.nextBoolean() ? f + "." + l : f.charAt(0) + "." + l;
        }
        String email = local + "@" + domain;
        for (int n = 2; !emails.add(email); n++) {
            email = local + n + "@" + domain;
        }
        return email;
    }

    /** Lower-case ASCII without accents or spaces, as people write names in addresses. */
    private static String mailbox(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD)
                .replace("ł", "l")
                .replace("Ł", "L")
                .replaceAll("\\p{M}", "");
        return folded.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
