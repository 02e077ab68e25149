package io.datamind.sample;

import java.util.List;

/**
 * What the sample store sells: twelve categories, each with its brands, its products and how its share of sales
 * moves over the year. Invented names only, so the sample never advertises a real brand.
 */
final class Catalog {

    /**
     * @param share how much of the store's sales this category takes, relative to the others
     * @param businessShare the same for Small Business and Enterprise buyers, who buy more office gear and no toys
     * @param costRatio typical unit cost as a fraction of the list price
     * @param returnRate chance that a delivered line of this category is returned
     * @param months relative demand per month, January first, on top of the store-wide season
     * @param brands brand names used for this category's branded items, in rotation
     * @param items what the category sells
     */
    record CategoryDef(
            String name,
            String description,
            double share,
            double businessShare,
            double costRatio,
            double returnRate,
            double[] months,
            List<String> brands,
            List<Item> items) {}

    /**
     * A kind of product. A branded item becomes two products (a standard and a premium variant of two brands); a
     * titled item (a book) is one product with exactly that name.
     */
    record Item(String name, double minPrice, double maxPrice, boolean branded) {}

    /** A best seller whose planted batch of defects makes its returns spike in August and September 2024. */
    static final String DEFECTIVE_PRODUCT = "Auralis Pro Wireless Earbuds";

    static final List<String> PREMIUM_TIERS = List.of("Pro", "Max", "Plus", "Ultra", "Elite", "Prime");

    private static final double[] FLAT = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

    static final List<CategoryDef> CATEGORIES = List.of(
            new CategoryDef(
                    "Electronics",
                    "Audio, wearables, cameras and smart-home devices",
                    1.3,
                    0.8,
                    0.62,
                    0.05,
                    new double[] {0.9, 0.85, 0.9, 0.9, 0.95, 0.95, 0.95, 1.0, 1.0, 1.05, 1.5, 1.7},
                    List.of("Voltix", "Auralis", "Nimbus", "Lumora", "Kestrel"),
                    List.of(
                            branded("Wireless Earbuds", 39, 149),
                            branded("Noise-Cancelling Headphones", 99, 349),
                            branded("Bluetooth Speaker", 29, 199),
                            branded("Smartwatch", 129, 399),
                            branded("Fitness Tracker", 49, 129),
                            branded("Action Camera", 149, 399),
                            branded("Smart Doorbell", 89, 199),
                            branded("Streaming Stick", 29, 59),
                            branded("E-Reader", 99, 179),
                            branded("Power Bank", 19, 59),
                            branded("Smart Plug 2-Pack", 19, 35),
                            branded("Soundbar", 149, 449))),
            new CategoryDef(
                    "Computers & Accessories",
                    "Laptops, monitors, tablets and the accessories around them",
                    0.9,
                    2.0,
                    0.72,
                    0.04,
                    new double[] {1.0, 0.95, 0.95, 0.95, 0.95, 1.0, 1.05, 1.3, 1.2, 1.0, 1.3, 1.2},
                    List.of("Corvex", "Bytewell", "Quantis", "Helix", "Arcline"),
                    List.of(
                            branded("Laptop 14\"", 649, 1499),
                            branded("Laptop 16\"", 999, 2199),
                            branded("27\" Monitor", 199, 549),
                            branded("Mechanical Keyboard", 59, 179),
                            branded("Wireless Mouse", 19, 79),
                            branded("USB-C Hub", 29, 89),
                            branded("External SSD 1 TB", 79, 169),
                            branded("HD Webcam", 39, 129),
                            branded("Laptop Stand", 29, 69),
                            branded("Wi-Fi 6 Router", 89, 249),
                            branded("Tablet 10\"", 199, 599))),
            new CategoryDef(
                    "Home & Kitchen",
                    "Cookware, small appliances and kitchen tools",
                    1.2,
                    0.4,
                    0.5,
                    0.04,
                    new double[] {0.95, 0.9, 0.95, 0.95, 1.05, 0.95, 0.9, 0.9, 0.95, 1.0, 1.3, 1.5},
                    List.of("Hearthline", "Copperfield", "Maison Belle", "Kitchara", "Casa Verde"),
                    List.of(
                            branded("Chef's Knife", 29, 129),
                            branded("Nonstick Frying Pan", 24, 79),
                            branded("Cast Iron Dutch Oven", 49, 199),
                            branded("Espresso Machine", 149, 599),
                            branded("Blender", 39, 149),
                            branded("Air Fryer", 69, 199),
                            branded("Electric Kettle", 29, 89),
                            branded("Coffee Grinder", 29, 149),
                            branded("Knife Block Set", 79, 249),
                            branded("Food Storage Set", 19, 49),
                            branded("Stand Mixer", 199, 499),
                            branded("Toaster", 29, 99))),
            new CategoryDef(
                    "Furniture",
                    "Home and office furniture and lighting",
                    0.5,
                    1.8,
                    0.55,
                    0.03,
                    new double[] {1.1, 1.0, 1.05, 1.0, 1.0, 0.95, 0.9, 1.0, 1.1, 1.05, 1.0, 0.85},
                    List.of("Nordhaven", "Oak & Anvil", "Linden", "Arborly"),
                    List.of(
                            branded("Office Chair", 149, 499),
                            branded("Standing Desk", 299, 799),
                            branded("Bookshelf", 79, 249),
                            branded("Coffee Table", 99, 349),
                            branded("Queen Bed Frame", 249, 899),
                            branded("Nightstand", 59, 199),
                            branded("Floor Lamp", 49, 179),
                            branded("Dining Chairs (Set of 2)", 119, 349),
                            branded("TV Stand", 99, 299),
                            branded("Accent Armchair", 199, 599))),
            new CategoryDef(
                    "Sports & Outdoors",
                    "Fitness equipment, running, camping and cycling gear",
                    0.9,
                    0.2,
                    0.55,
                    0.04,
                    new double[] {1.7, 1.3, 1.1, 1.05, 1.1, 1.2, 1.2, 1.0, 0.9, 0.85, 0.9, 1.0},
                    List.of("Trailpeak", "Stridex", "Altura", "Summitry", "Velonda"),
                    List.of(
                            branded("Yoga Mat", 19, 79),
                            branded("Adjustable Dumbbells", 149, 399),
                            branded("Running Shoes", 79, 179),
                            branded("2-Person Camping Tent", 99, 299),
                            branded("40 L Hiking Backpack", 69, 199),
                            branded("Insulated Water Bottle", 19, 45),
                            branded("Resistance Bands Set", 15, 39),
                            branded("Road Bike Helmet", 49, 149),
                            branded("Sleeping Bag", 59, 199),
                            branded("Foam Roller", 19, 49),
                            branded("Trekking Poles", 39, 119))),
            new CategoryDef(
                    "Toys & Games",
                    "Toys, board games, puzzles and kits for children and families",
                    0.8,
                    0.05,
                    0.5,
                    0.03,
                    new double[] {0.7, 0.7, 0.75, 0.8, 0.8, 0.85, 0.85, 0.85, 0.9, 1.05, 1.9, 2.6},
                    List.of("Brightbox", "Pebble & Co", "Tinkerly", "Playforge"),
                    List.of(
                            branded("Building Blocks Set", 24, 149),
                            branded("Strategy Board Game", 29, 69),
                            branded("Remote Control Car", 39, 129),
                            branded("Plush Bear", 15, 45),
                            branded("1000-Piece Jigsaw Puzzle", 14, 29),
                            branded("Science Experiment Kit", 29, 79),
                            branded("Wooden Train Set", 39, 119),
                            branded("Card Game", 9, 25),
                            branded("Arts & Crafts Kit", 19, 49),
                            branded("Kids' Camera Drone", 49, 149))),
            new CategoryDef(
                    "Beauty & Personal Care",
                    "Skincare, hair care, fragrance and grooming",
                    1.0,
                    0.1,
                    0.4,
                    0.02,
                    new double[] {1.0, 1.1, 1.0, 1.0, 1.1, 1.05, 1.0, 0.95, 0.95, 1.0, 1.2, 1.45},
                    List.of("Lumière", "Verdana Botanics", "Solace", "Pure Ritual"),
                    List.of(
                            branded("Vitamin C Serum", 19, 59),
                            branded("Moisturizing Cream", 15, 49),
                            branded("Electric Toothbrush", 39, 179),
                            branded("Ionic Hair Dryer", 49, 249),
                            branded("Shampoo & Conditioner Set", 15, 39),
                            branded("Eau de Parfum 50 ml", 39, 129),
                            branded("Beard Trimmer", 29, 99),
                            branded("Sunscreen SPF 50", 12, 29),
                            branded("Makeup Brush Set", 19, 59),
                            branded("Sheet Face Masks (5-Pack)", 9, 24))),
            new CategoryDef(
                    "Clothing",
                    "Apparel and footwear for women and men",
                    1.4,
                    0.2,
                    0.45,
                    0.11,
                    new double[] {1.05, 0.85, 1.0, 1.05, 1.0, 0.95, 0.9, 1.0, 1.15, 1.1, 1.25, 1.3},
                    List.of("Northbound", "Urban Thread", "Fjord & Fell", "Luma Wear", "Coastline"),
                    List.of(
                            branded("Merino Sweater", 59, 149),
                            branded("Rain Jacket", 79, 229),
                            branded("Slim Fit Jeans", 49, 119),
                            branded("Cotton T-Shirts (3-Pack)", 24, 49),
                            branded("Hooded Sweatshirt", 39, 89),
                            branded("Down Parka", 149, 399),
                            branded("Chino Trousers", 39, 89),
                            branded("Wool Socks (4-Pack)", 15, 35),
                            branded("Leather Sneakers", 79, 189),
                            branded("Linen Shirt", 39, 99),
                            branded("Yoga Leggings", 29, 79))),
            new CategoryDef(
                    "Books",
                    "Fiction, non-fiction and children's books from independent publishers",
                    0.9,
                    0.3,
                    0.6,
                    0.015,
                    new double[] {0.95, 0.9, 0.9, 0.9, 0.95, 1.05, 1.2, 1.2, 1.0, 0.95, 1.1, 1.4},
                    List.of(),
                    List.of(
                            titled("The Silent Harbor", 14.99),
                            titled("Echoes of Andromeda", 16.99),
                            titled("Salt, Fire & Time", 34.99),
                            titled("Winning the Long Game", 27.99),
                            titled("Goodnight, Little Fox", 12.99),
                            titled("Wandering Portugal", 22.99),
                            titled("Empires of the Silk Road", 32.99),
                            titled("Practical SQL for Analysts", 44.99),
                            titled("Letters to the Sea", 15.99),
                            titled("Midnight in Kyoto", 17.99),
                            titled("The Data-Driven Manager", 29.99),
                            titled("Ten-Minute Dinners", 24.99),
                            titled("The Lighthouse Keeper's Secret", 15.99),
                            titled("Stars Beyond Orion", 16.99),
                            titled("Atlas of Forgotten Places", 39.99),
                            titled("The Little Robot Who Could", 11.99),
                            titled("Mindful Mornings", 18.99),
                            titled("A Brief History of Bread", 26.99),
                            titled("Code of the North", 14.99),
                            titled("Garden to Table", 29.99))),
            new CategoryDef(
                    "Garden & Patio",
                    "Lawn care, planting, grills and outdoor furniture",
                    0.6,
                    0.3,
                    0.5,
                    0.03,
                    new double[] {0.35, 0.5, 1.2, 1.8, 2.0, 1.7, 1.4, 1.0, 0.8, 0.6, 0.45, 0.4},
                    List.of("Verdeluxe", "Fernhill", "Yardcraft"),
                    List.of(
                            branded("Garden Hose 15 m", 29, 69),
                            branded("Cordless Lawn Mower", 249, 599),
                            branded("Raised Garden Bed", 59, 179),
                            branded("Pruning Shears", 15, 45),
                            branded("Patio Lounge Chair", 89, 249),
                            branded("Solar Path Lights (8-Pack)", 29, 69),
                            branded("Gas Grill", 299, 899),
                            branded("Compost Bin", 49, 129),
                            branded("Seed Starter Kit", 15, 39),
                            branded("Outdoor Rug", 49, 149))),
            new CategoryDef(
                    "Pet Supplies",
                    "Food, beds, toys and care products for dogs, cats and fish",
                    0.8,
                    0.05,
                    0.55,
                    0.02,
                    FLAT,
                    List.of("Happy Tails", "Barkley & Co", "Whisker Works"),
                    List.of(
                            branded("Orthopedic Dog Bed", 49, 149),
                            branded("Cat Tree", 69, 199),
                            branded("Grain-Free Dog Food 12 kg", 49, 89),
                            branded("Automatic Pet Feeder", 59, 149),
                            branded("Reflective Dog Leash", 15, 39),
                            branded("Covered Litter Box", 29, 99),
                            branded("Pet Grooming Kit", 24, 69),
                            branded("Chew Toys (3-Pack)", 12, 29),
                            branded("Aquarium Starter Kit", 49, 149))),
            new CategoryDef(
                    "Office Supplies",
                    "Stationery, printers and desk accessories",
                    0.7,
                    2.0,
                    0.45,
                    0.02,
                    new double[] {1.2, 1.0, 1.0, 0.95, 0.95, 0.9, 0.9, 1.5, 1.5, 1.0, 0.9, 0.8},
                    List.of("Penwright", "Paperlane", "Deskmate"),
                    List.of(
                            branded("Notebooks (5-Pack)", 12, 29),
                            branded("Gel Pens (12-Pack)", 9, 19),
                            branded("Desk Organizer", 19, 49),
                            branded("Laser Printer", 149, 399),
                            branded("Printer Paper (5 Reams)", 29, 49),
                            branded("Whiteboard 90 x 60 cm", 39, 99),
                            branded("Paper Shredder", 59, 199),
                            branded("Label Maker", 29, 79),
                            branded("LED Desk Lamp", 29, 89),
                            branded("Ergonomic Footrest", 25, 59))));

    private Catalog() {}

    private static Item branded(String name, double minPrice, double maxPrice) {
        return new Item(name, minPrice, maxPrice, true);
    }

    private static Item titled(String name, double price) {
        return new Item(name, price, price, false);
    }
}
