package io.datamind.sample;

import io.datamind.sample.Catalog.CategoryDef;
import io.datamind.sample.Catalog.Item;
import io.datamind.sample.SalesData.Category;
import io.datamind.sample.SalesData.Product;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The products built from the {@link Catalog}, and which of them people buy in each month: each product has its
 * own popularity (a few best sellers, a long tail), shifted by its category's season and by who is buying.
 */
final class Assortment {

    final List<Category> categories = new ArrayList<>();
    final List<Product> products = new ArrayList<>();
    /** Catalog entry of each product, by product index. */
    final List<CategoryDef> categoryOf = new ArrayList<>();

    private final Draw.Weighted[] consumerPicks = new Draw.Weighted[12];
    private final Draw.Weighted[] businessPicks = new Draw.Weighted[12];

    Assortment(SplittableRandom random) {
        List<Double> popularity = new ArrayList<>();
        for (CategoryDef def : Catalog.CATEGORIES) {
            int categoryId = categories.size() + 1;
            categories.add(new Category(categoryId, def.name(), def.description()));
            String skuPrefix = def.name().substring(0, 3).toUpperCase();
            List<Item> items = def.items();
            for (int i = 0; i < items.size(); i++) {
                Item item = items.get(i);
                int variants = item.branded() ? 2 : 1;
                for (int variant = 0; variant < variants; variant++) {
                    String name = productName(def, item, i, variant);
                    long price = price(random, item, variant, variants);
                    long cost = Math.round(price * def.costRatio() * (0.85 + 0.3 * random.nextDouble()));
                    int id = products.size() + 1;
                    String sku = String.format("%s-%04d", skuPrefix, id);
                    products.add(new Product(id, categoryId, sku, name, price, cost));
                    categoryOf.add(def);
                    // Cheap things sell more often; popularity is long-tailed (log-normal).
                    double priceEffect = StrictMath.sqrt(60.0 / (price / 100.0 + 60.0));
                    double appeal = StrictMath.exp(0.8 * Draw.gaussian(random)) * priceEffect;
                    if (name.equals(Catalog.DEFECTIVE_PRODUCT)) {
                        // A best seller, so its bad batch shows up in the returns figures rather than as noise.
                        appeal *= 12;
                    }
                    popularity.add(appeal);
                }
            }
        }
        for (int month = 0; month < 12; month++) {
            double[] consumer = new double[products.size()];
            double[] business = new double[products.size()];
            for (int p = 0; p < products.size(); p++) {
                CategoryDef def = categoryOf.get(p);
                double base = popularity.get(p) * def.months()[month];
                consumer[p] = base * def.share();
                business[p] = base * def.businessShare();
            }
            consumerPicks[month] = new Draw.Weighted(consumer);
            businessPicks[month] = new Draw.Weighted(business);
        }
    }

    /** Index into {@link #products} of a product bought in the month (1-12). */
    int pick(SplittableRandom random, int month, boolean business) {
        return (business ? businessPicks : consumerPicks)[month - 1].pick(random);
    }

    private static String productName(CategoryDef def, Item item, int itemIndex, int variant) {
        if (!item.branded()) {
            return item.name();
        }
        List<String> brands = def.brands();
        if (variant == 0) {
            return brands.get(itemIndex % brands.size()) + " " + item.name();
        }
        String tier = Catalog.PREMIUM_TIERS.get(itemIndex % Catalog.PREMIUM_TIERS.size());
        return brands.get((itemIndex + 1) % brands.size()) + " " + tier + " " + item.name();
    }

    /** A list price in cents ending in .99; the premium variant sits in the upper part of the item's range. */
    private static long price(SplittableRandom random, Item item, int variant, int variants) {
        if (variants == 1) {
            return Math.round(item.minPrice() * 100);
        }
        double low = variant == 0 ? 0.0 : 0.55;
        double high = variant == 0 ? 0.45 : 1.0;
        double fraction = low + (high - low) * random.nextDouble();
        double price = item.minPrice() + fraction * (item.maxPrice() - item.minPrice());
        return Math.max(1, Math.round(price)) * 100 - 1;
    }
}
