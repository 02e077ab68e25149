package io.datamind.sample;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Random draws built only on {@link SplittableRandom}'s integer stream and {@link StrictMath}, so a seed gives the
 * same data on every JVM and platform.
 */
final class Draw {

    private Draw() {}

    /** A standard normal value (Box-Muller). */
    static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.cos(2.0 * StrictMath.PI * u2);
    }

    /** A count around {@code mean} with Poisson-like spread. */
    static int count(SplittableRandom random, double mean) {
        return (int) Math.max(0, Math.round(mean + StrictMath.sqrt(mean) * gaussian(random)));
    }

    static boolean chance(SplittableRandom random, double probability) {
        return random.nextDouble() < probability;
    }

    static <T> T oneOf(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Picks indexes in proportion to fixed weights. */
    static final class Weighted {

        private final double[] cumulative;

        Weighted(double... weights) {
            cumulative = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                cumulative[i] = sum;
            }
        }

        int pick(SplittableRandom random) {
            double target = random.nextDouble() * cumulative[cumulative.length - 1];
            int low = 0;
            int high = cumulative.length - 1;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (cumulative[middle] > target) {
                    high = middle;
                } else {
                    low = middle + 1;
                }
            }
            return low;
        }
    }
}
