package io.datamind.offline;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Built-in English knowledge that is not about any one database: synonyms of common data-model nouns, common
 * identifier abbreviations, and adjectives that imply an attribute ("older" compares ages). Organizations add
 * their own words through the glossary.
 */
final class Lexicon {

    private Lexicon() {}

    /** Groups of interchangeable nouns in business data; a schema word in a group also answers to the others. */
    private static final List<List<String>> SYNONYM_GROUPS = List.of(
            List.of("customer", "client", "buyer", "purchaser", "shopper"),
            List.of("employee", "staff", "worker", "personnel"),
            List.of("product", "item", "merchandise", "good"),
            List.of("order", "purchase"),
            List.of("revenue", "sales", "sale", "turnover", "amount", "total"),
            List.of("price", "cost", "fee", "charge"),
            List.of("supplier", "vendor", "provider"),
            List.of("quantity", "qty"),
            List.of("city", "town"),
            List.of("country", "nation"),
            List.of("company", "firm", "enterprise", "corporation"),
            List.of("salary", "pay", "wage", "earnings", "income"),
            List.of("category", "type", "kind", "class", "genre"),
            List.of("gender", "sex"),
            List.of("description", "desc", "detail"),
            List.of("phone", "telephone", "tel"),
            List.of("email", "mail"),
            List.of("student", "pupil"),
            List.of("teacher", "instructor", "lecturer", "tutor"),
            List.of("movie", "film"),
            List.of("song", "track", "tune"),
            List.of("singer", "vocalist"),
            List.of("author", "writer"),
            List.of("car", "automobile", "vehicle", "auto"),
            List.of("doctor", "physician"),
            List.of("manager", "supervisor", "boss"),
            List.of("department", "dept", "division"),
            List.of("shop", "store", "outlet"),
            List.of("person", "people", "individual"),
            List.of("airline", "carrier"),
            List.of("begin", "start"),
            List.of("end", "finish"),
            List.of("address", "location"),
            List.of("invoice", "bill"),
            List.of("id", "identifier"),
            List.of("birthday", "dob"),
            List.of("photo", "picture", "image"),
            List.of("job", "position", "role", "occupation"),
            List.of("duration", "length"),
            List.of("zip", "postcode", "postal"),
            List.of("year", "yr"));

    /** Abbreviations common in column names, expanded to words a question would use. */
    private static final Map<String, List<String>> ABBREVIATIONS = Map.ofEntries(
            Map.entry("num", List.of("number")),
            Map.entry("nbr", List.of("number")),
            Map.entry("no", List.of("number")),
            Map.entry("qty", List.of("quantity")),
            Map.entry("amt", List.of("amount")),
            Map.entry("desc", List.of("description")),
            Map.entry("descr", List.of("description")),
            Map.entry("dept", List.of("department")),
            Map.entry("emp", List.of("employee")),
            Map.entry("cust", List.of("customer")),
            Map.entry("prod", List.of("product")),
            Map.entry("addr", List.of("address")),
            Map.entry("dob", List.of("birth", "date")),
            Map.entry("fname", List.of("first", "name")),
            Map.entry("lname", List.of("last", "name")),
            Map.entry("mname", List.of("middle", "name")),
            Map.entry("yr", List.of("year")),
            Map.entry("dt", List.of("date")),
            Map.entry("ts", List.of("timestamp")),
            Map.entry("pct", List.of("percent")),
            Map.entry("avg", List.of("average")),
            Map.entry("cnt", List.of("count")),
            Map.entry("tel", List.of("telephone")),
            Map.entry("info", List.of("information")),
            Map.entry("org", List.of("organization")),
            Map.entry("mgr", List.of("manager")),
            Map.entry("acct", List.of("account")),
            Map.entry("txn", List.of("transaction")),
            Map.entry("loc", List.of("location")),
            Map.entry("lat", List.of("latitude")),
            Map.entry("lng", List.of("longitude")),
            Map.entry("lon", List.of("longitude")),
            Map.entry("pos", List.of("position")),
            Map.entry("ref", List.of("reference")),
            Map.entry("seq", List.of("sequence")),
            Map.entry("max", List.of("maximum")),
            Map.entry("min", List.of("minimum")),
            Map.entry("pop", List.of("population")),
            Map.entry("approx", List.of("approximate")),
            Map.entry("cat", List.of("category")),
            Map.entry("pk", List.of("id")),
            Map.entry("dur", List.of("duration")),
            Map.entry("hrs", List.of("hours")),
            Map.entry("mins", List.of("minutes")),
            Map.entry("sec", List.of("second")),
            Map.entry("wt", List.of("weight")),
            Map.entry("ht", List.of("height")));

    /** An adjective that compares or ranks by an attribute, e.g. "older" by age, higher first. */
    record Attribute(List<String> columnWords, boolean higherFirst) {}

    private static final Map<String, Attribute> COMPARATIVES = new HashMap<>();
    private static final Map<String, Attribute> SUPERLATIVES = new HashMap<>();

    static {
        adjective("old", "older", "oldest", List.of("age"), true);
        adjective("young", "younger", "youngest", List.of("age"), false);
        adjective("heavy", "heavier", "heaviest", List.of("weight"), true);
        adjective("light", "lighter", "lightest", List.of("weight"), false);
        adjective("tall", "taller", "tallest", List.of("height"), true);
        adjective("short", "shorter", "shortest", List.of("height"), false);
        adjective("long", "longer", "longest", List.of("length"), true);
        adjective("expensive", "more expensive", "most expensive", List.of("price"), true);
        adjective("cheap", "cheaper", "cheapest", List.of("price"), false);
        adjective("fast", "faster", "fastest", List.of("speed"), true);
        adjective("slow", "slower", "slowest", List.of("speed"), false);
        adjective("rich", "richer", "richest", List.of("wealth"), true);
        adjective("populous", "more populous", "most populous", List.of("population"), true);
        adjective("large", "larger", "largest", List.of("size"), true);
        adjective("big", "bigger", "biggest", List.of("size"), true);
        adjective("small", "smaller", "smallest", List.of("size"), false);
        adjective("early", "earlier", "earliest", List.of("date"), false);
        adjective("late", "later", "latest", List.of("date"), true);
        adjective("new", "newer", "newest", List.of("date"), true);
        adjective("recent", "more recent", "most recent", List.of("date"), true);
        SUPERLATIVES.put("last", new Attribute(List.of("date"), true));
    }

    private static void adjective(
            String base, String comparative, String superlative, List<String> words, boolean higherFirst) {
        COMPARATIVES.put(comparative, new Attribute(words, higherFirst));
        SUPERLATIVES.put(superlative, new Attribute(words, higherFirst));
    }

    /** Alternative attribute words tried when the schema lacks the first choice. */
    static final Map<String, List<List<String>>> ATTRIBUTE_ALTERNATIVES = Map.of(
            "age", List.of(List.of("birth", "date"), List.of("birthday"), List.of("dob"), List.of("birth", "year")),
            "price", List.of(List.of("cost"), List.of("amount"), List.of("fee")),
            "size", List.of(List.of("area"), List.of("capacity"), List.of("population")),
            "length",
                    List.of(
                            List.of("duration"),
                            List.of("minutes"),
                            List.of("milliseconds"),
                            List.of("seconds"),
                            List.of("runtime")),
            "date", List.of(List.of("year"), List.of("time"), List.of("timestamp")),
            "wealth", List.of(List.of("net", "worth"), List.of("worth"), List.of("income")),
            "speed", List.of(List.of("velocity")));

    static Attribute comparative(String phrase) {
        return COMPARATIVES.get(phrase);
    }

    static Attribute superlative(String phrase) {
        return SUPERLATIVES.get(phrase);
    }

    private static final Map<String, List<String>> SYNONYMS = new HashMap<>();

    static {
        for (List<String> group : SYNONYM_GROUPS) {
            for (String w : group) {
                String key = Words.singular(w);
                SYNONYMS.computeIfAbsent(key, k -> new java.util.ArrayList<>());
                for (String other : group) {
                    String o = Words.singular(other);
                    if (!o.equals(key) && !SYNONYMS.get(key).contains(o)) {
                        SYNONYMS.get(key).add(o);
                    }
                }
            }
        }
    }

    /** Other words for a singular schema word. */
    static List<String> synonyms(String stem) {
        return SYNONYMS.getOrDefault(stem, List.of());
    }

    static List<String> expansion(String word) {
        return ABBREVIATIONS.get(word);
    }

    /** Adjectives of nationality and the country names they stand for, to meet sampled country values. */
    static final Map<String, String> DEMONYMS = Map.ofEntries(
            Map.entry("american", "United States"),
            Map.entry("british", "United Kingdom"),
            Map.entry("english", "England"),
            Map.entry("french", "France"),
            Map.entry("german", "Germany"),
            Map.entry("italian", "Italy"),
            Map.entry("spanish", "Spain"),
            Map.entry("portuguese", "Portugal"),
            Map.entry("dutch", "Netherlands"),
            Map.entry("belgian", "Belgium"),
            Map.entry("swiss", "Switzerland"),
            Map.entry("austrian", "Austria"),
            Map.entry("swedish", "Sweden"),
            Map.entry("norwegian", "Norway"),
            Map.entry("danish", "Denmark"),
            Map.entry("finnish", "Finland"),
            Map.entry("irish", "Ireland"),
            Map.entry("scottish", "Scotland"),
            Map.entry("welsh", "Wales"),
            Map.entry("polish", "Poland"),
            Map.entry("czech", "Czech Republic"),
            Map.entry("hungarian", "Hungary"),
            Map.entry("greek", "Greece"),
            Map.entry("turkish", "Turkey"),
            Map.entry("russian", "Russia"),
            Map.entry("ukrainian", "Ukraine"),
            Map.entry("romanian", "Romania"),
            Map.entry("bulgarian", "Bulgaria"),
            Map.entry("serbian", "Serbia"),
            Map.entry("croatian", "Croatia"),
            Map.entry("chinese", "China"),
            Map.entry("japanese", "Japan"),
            Map.entry("korean", "South Korea"),
            Map.entry("indian", "India"),
            Map.entry("pakistani", "Pakistan"),
            Map.entry("indonesian", "Indonesia"),
            Map.entry("thai", "Thailand"),
            Map.entry("vietnamese", "Vietnam"),
            Map.entry("filipino", "Philippines"),
            Map.entry("australian", "Australia"),
            Map.entry("canadian", "Canada"),
            Map.entry("mexican", "Mexico"),
            Map.entry("brazilian", "Brazil"),
            Map.entry("argentinian", "Argentina"),
            Map.entry("argentine", "Argentina"),
            Map.entry("chilean", "Chile"),
            Map.entry("colombian", "Colombia"),
            Map.entry("peruvian", "Peru"),
            Map.entry("egyptian", "Egypt"),
            Map.entry("nigerian", "Nigeria"),
            Map.entry("kenyan", "Kenya"),
            Map.entry("israeli", "Israel"),
            Map.entry("iranian", "Iran"),
            Map.entry("iraqi", "Iraq"),
            Map.entry("saudi", "Saudi Arabia"),
            Map.entry("african", "Africa"),
            Map.entry("asian", "Asia"),
            Map.entry("european", "Europe"));

    /** Verbs that stand for an attribute: "weighing more than 3000" compares the weight. */
    static final Map<String, List<String>> VERB_ATTRIBUTES = Map.ofEntries(
            Map.entry("weigh", List.of("weight")),
            Map.entry("weighs", List.of("weight")),
            Map.entry("weighed", List.of("weight")),
            Map.entry("weighing", List.of("weight")),
            Map.entry("weighted", List.of("weight")),
            Map.entry("cost", List.of("cost")),
            Map.entry("costs", List.of("cost")),
            Map.entry("costing", List.of("cost")),
            Map.entry("earn", List.of("earnings")),
            Map.entry("earns", List.of("earnings")),
            Map.entry("earned", List.of("earnings")),
            Map.entry("lasted", List.of("duration")),
            Map.entry("lasting", List.of("duration")),
            Map.entry("scored", List.of("score")),
            Map.entry("aged", List.of("age")));

    /** Nouns for a business measure: a sum over the rows asked about ("our sales in 2024"), never one row's value. */
    static final Set<String> MEASURE_NOUNS = Words.set("sales", "revenue", "revenues", "turnover", "takings");

    /** Verbs of paying: "how much did each buyer pay" sums the amount column of what was paid. */
    static final Set<String> MONEY_VERBS = Words.set(
            "spend",
            "spends",
            "spent",
            "pay",
            "pays",
            "paid",
            "earn",
            "earns",
            "earned",
            "generate",
            "generated",
            "bill",
            "billed",
            "invoice",
            "invoiced",
            "charge",
            "charged");

    /** Verbs of trade that restate a summed measure: "the total quantity sold", "the amount ordered". */
    static final Set<String> SALE_VERBS =
            Words.set("sold", "sell", "sells", "bought", "buy", "buys", "purchased", "ordered", "shipped");

    /** Verbs that only restate a relationship the foreign keys already give ("located in", "belongs to"). */
    static final Set<String> RELATION_VERBS = Words.set(
            "belong",
            "belongs",
            "belonged",
            "belonging",
            "locate",
            "located",
            "live",
            "lives",
            "lived",
            "living",
            "base",
            "based",
            "situate",
            "situated",
            "own",
            "owns",
            "owned",
            "owning",
            "contain",
            "contains",
            "contained",
            "containing",
            "use",
            "uses",
            "used",
            "using",
            "involve",
            "involves",
            "involved",
            "associate",
            "associated",
            "relate",
            "related",
            "link",
            "linked",
            "participate",
            "participates",
            "participated",
            "attend",
            "attends",
            "attended",
            "hold",
            "holds",
            "held",
            "come",
            "comes",
            "came",
            "go",
            "goes",
            "went",
            "make",
            "makes",
            "made",
            "take",
            "takes",
            "took",
            "taken",
            "get",
            "got",
            "appear",
            "appears",
            "appeared",
            "feature",
            "featured",
            "features",
            "host",
            "hosted",
            "hosts",
            "work",
            "works",
            "worked",
            "working",
            "serve",
            "serves",
            "served",
            "assign",
            "assigned",
            "register",
            "registered",
            "enroll",
            "enrolled",
            "enrolls",
            "place",
            "placed",
            "happen",
            "happened",
            "occur",
            "occurred",
            "play",
            "plays",
            "played",
            "keep",
            "keeps",
            "kept",
            "stay",
            "stayed",
            "record",
            "recorded",
            "put",
            "set",
            "list",
            "listed",
            "appear",
            "correspond",
            "corresponding",
            "match",
            "matching",
            "matched",
            "possess",
            "possesses",
            "possessed");
}
