package io.datamind.offline;

import io.datamind.offline.SchemaIndex.Edge;
import io.datamind.offline.SchemaIndex.TableEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Connects the tables a question needs along foreign keys: grows a tree from the root, each time adding the
 * cheapest path to the nearest table still missing (a Steiner-tree approximation). Declared keys cost less than
 * keys inferred from names, and keys whose columns the question named cost least. Equal-cost alternatives are
 * counted, so an ambiguous reading lowers confidence instead of being silently chosen.
 */
final class JoinPlanner {

    record Result(List<Plan.Join> joins, boolean connected, int ambiguities, int parallel) {}

    private JoinPlanner() {}

    static Result connect(TableEntry root, Collection<TableEntry> required, Set<Edge> preferred) {
        Set<TableEntry> tree = new LinkedHashSet<>();
        tree.add(root);
        List<Plan.Join> joins = new ArrayList<>();
        int ambiguities = 0;
        int parallel = 0;
        Set<TableEntry> missing = new LinkedHashSet<>(required);
        missing.removeAll(tree);
        while (!missing.isEmpty()) {
            Map<TableEntry, Double> dist = new HashMap<>();
            Map<TableEntry, Edge> via = new HashMap<>();
            Map<TableEntry, Integer> ties = new HashMap<>();
            Map<TableEntry, Integer> parallelTies = new HashMap<>();
            PriorityQueue<Object[]> queue = new PriorityQueue<>((a, b) -> Double.compare((double) a[1], (double) b[1]));
            for (TableEntry t : tree) {
                dist.put(t, 0.0);
                queue.add(new Object[] {t, 0.0});
            }
            TableEntry found = null;
            while (!queue.isEmpty()) {
                Object[] top = queue.poll();
                TableEntry t = (TableEntry) top[0];
                double d = (double) top[1];
                if (d > dist.get(t)) {
                    continue;
                }
                if (missing.contains(t)) {
                    found = t;
                    break;
                }
                for (Edge e : t.edges) {
                    TableEntry o = e.other(t);
                    if (o == t) {
                        continue;
                    }
                    double w = preferred.contains(e) ? 0.6 : e.declared() ? 1.0 : 1.3;
                    double nd = d + w;
                    Double old = dist.get(o);
                    if (old == null || nd < old - 1e-9) {
                        dist.put(o, nd);
                        via.put(o, e);
                        ties.put(o, ties.getOrDefault(t, 0));
                        parallelTies.put(o, parallelTies.getOrDefault(t, 0));
                        queue.add(new Object[] {o, nd});
                    } else if (Math.abs(nd - old) < 1e-9 && via.get(o) != e) {
                        if (via.get(o).other(o) == t) {
                            // Two keys between the same tables (billing and shipping address).
                            parallelTies.put(o, parallelTies.getOrDefault(o, 0) + 1);
                        } else {
                            ties.put(o, ties.getOrDefault(o, 0) + 1);
                        }
                    }
                }
            }
            if (found == null) {
                return new Result(joins, false, ambiguities, parallel);
            }
            ambiguities += ties.getOrDefault(found, 0);
            parallel += parallelTies.getOrDefault(found, 0);
            List<Plan.Join> path = new ArrayList<>();
            TableEntry cur = found;
            while (!tree.contains(cur)) {
                Edge e = via.get(cur);
                path.add(0, new Plan.Join(e, cur));
                cur = e.other(cur);
            }
            for (Plan.Join j : path) {
                tree.add(j.table());
                joins.add(j);
                missing.remove(j.table());
            }
        }
        return new Result(joins, true, ambiguities, parallel);
    }
}
