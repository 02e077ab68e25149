package io.datamind.offline.bench;

import tools.jackson.databind.JsonNode;

/**
 * Spider's difficulty levels, computed from the parsed gold SQL in {@code dev.json} exactly as the Spider
 * evaluation script's {@code eval_hardness} does (including its quirks, such as counting a negated condition as an
 * aggregate), so the levels match the published ones.
 */
final class SpiderHardness {

    private static final int LIKE = 9;

    private SpiderHardness() {}

    static String of(JsonNode sql) {
        int c1 = component1(sql);
        int c2 = component2(sql);
        int others = others(sql);
        if (c1 <= 1 && others == 0 && c2 == 0) {
            return "easy";
        }
        if ((others <= 2 && c1 <= 1 && c2 == 0) || (c1 <= 2 && others < 2 && c2 == 0)) {
            return "medium";
        }
        if ((others > 2 && c1 <= 2 && c2 == 0)
                || (2 < c1 && c1 <= 3 && others <= 2 && c2 == 0)
                || (c1 <= 1 && others == 0 && c2 <= 1)) {
            return "hard";
        }
        return "extra";
    }

    private static int component1(JsonNode sql) {
        int count = 0;
        if (sql.get("where").size() > 0) {
            count++;
        }
        if (sql.get("groupBy").size() > 0) {
            count++;
        }
        if (sql.get("orderBy").size() > 0) {
            count++;
        }
        if (!sql.get("limit").isNull()) {
            count++;
        }
        JsonNode units = sql.get("from").get("table_units");
        if (units.size() > 0) {
            count += units.size() - 1;
        }
        JsonNode[] conditions = {sql.get("from").get("conds"), sql.get("where"), sql.get("having")};
        for (JsonNode list : conditions) {
            for (int i = 1; i < list.size(); i += 2) {
                if (list.get(i).asString().equals("or")) {
                    count++;
                }
            }
            for (int i = 0; i < list.size(); i += 2) {
                if (list.get(i).get(1).asInt() == LIKE) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int component2(JsonNode sql) {
        int nested = 0;
        JsonNode[] conditions = {sql.get("from").get("conds"), sql.get("where"), sql.get("having")};
        for (JsonNode list : conditions) {
            for (int i = 0; i < list.size(); i += 2) {
                JsonNode cond = list.get(i);
                if (cond.get(3).isObject()) {
                    nested++;
                }
                if (cond.get(4).isObject()) {
                    nested++;
                }
            }
        }
        for (String k : new String[] {"intersect", "except", "union"}) {
            if (!sql.get(k).isNull()) {
                nested++;
            }
        }
        return nested;
    }

    private static int others(JsonNode sql) {
        int count = 0;
        int aggs = 0;
        for (JsonNode unit : sql.get("select").get(1)) {
            aggs += hasAgg(unit) ? 1 : 0;
        }
        JsonNode where = sql.get("where");
        for (int i = 0; i < where.size(); i += 2) {
            aggs += hasAgg(where.get(i)) ? 1 : 0;
        }
        for (JsonNode unit : sql.get("groupBy")) {
            aggs += hasAgg(unit) ? 1 : 0;
        }
        JsonNode order = sql.get("orderBy");
        if (order.size() > 0) {
            for (JsonNode valUnit : order.get(1)) {
                if (truthy(valUnit.get(1))) {
                    aggs += hasAgg(valUnit.get(1)) ? 1 : 0;
                }
            }
            for (JsonNode valUnit : order.get(1)) {
                if (truthy(valUnit.get(2))) {
                    aggs += hasAgg(valUnit.get(2)) ? 1 : 0;
                }
            }
        }
        // The script passes the whole having list, "and"/"or" included, as the original does.
        for (JsonNode unit : sql.get("having")) {
            aggs += hasAgg(unit) ? 1 : 0;
        }
        if (aggs > 1) {
            count++;
        }
        if (sql.get("select").get(1).size() > 1) {
            count++;
        }
        if (where.size() > 1) {
            count++;
        }
        if (sql.get("groupBy").size() > 1) {
            count++;
        }
        return count;
    }

    /** Python's {@code unit[0] != 0} on whatever the unit is. */
    private static boolean hasAgg(JsonNode unit) {
        if (unit.isString()) {
            return true;
        }
        JsonNode first = unit.get(0);
        if (first.isBoolean()) {
            return first.asBoolean();
        }
        if (first.isNumber()) {
            return first.asInt() != 0;
        }
        return true;
    }

    private static boolean truthy(JsonNode n) {
        return n != null && !n.isNull() && !(n.isArray() && n.isEmpty());
    }
}
