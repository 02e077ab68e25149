package io.datamind.ask;

import io.datamind.datasource.Glossaries;
import io.datamind.llm.TokenListener;
import io.datamind.offline.OfflineAnalysis;
import io.datamind.offline.OfflineAnswer;
import io.datamind.offline.OfflineDialect;
import io.datamind.offline.OfflineEngine;
import io.datamind.query.ResultColumn;
import io.datamind.schema.ColumnInfo;
import io.datamind.schema.ForeignKey;
import io.datamind.schema.TableInfo;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The analysis without a model: the offline engine's statistical narrative, and follow-up questions built from the
 * tables the query read. Where the offline engine can write the dialect, only follow-ups it can answer are offered,
 * so a clicked suggestion never ends in a decline. Used by the offline author, and whenever no provider may be called
 * (a reused verified query, an exhausted budget).
 */
@Component
class PlainAnalysis {

    private static final int FOLLOW_UPS = 3;
    private static final int CANDIDATES = 16;

    private final OfflineEngine engine;
    private final Glossaries glossaries;

    PlainAnalysis(OfflineEngine engine, Glossaries glossaries) {
        this.engine = engine;
        this.glossaries = glossaries;
    }

    Narrative describe(AnalysisTask task, TokenListener tokens) {
        List<String> names =
                task.result().columns().stream().map(ResultColumn::name).toList();
        String text = OfflineAnalysis.describe(names, task.result().rows());
        Streamed.words(text, tokens);
        return new Narrative(text, followUps(task));
    }

    List<String> followUps(AnalysisTask task) {
        List<String> candidates = candidates(task);
        Optional<OfflineDialect> dialect = OfflineDialects.of(task.question().databaseType());
        if (dialect.isEmpty()) {
            return candidates.stream().limit(FOLLOW_UPS).toList();
        }
        Map<String, String> glossary =
                glossaries.of(task.question().orgId(), task.question().connectionId());
        Set<String> seen = new HashSet<>();
        seen.add(normalize(task.sql()));
        List<String> chosen = new ArrayList<>();
        for (String candidate : candidates) {
            if (chosen.size() == FOLLOW_UPS) {
                break;
            }
            OfflineAnswer answer = engine.translate(candidate, task.question().snapshot(), dialect.get(), glossary);
            if (answer instanceof OfflineAnswer.Sql sql && seen.add(normalize(sql.sql()))) {
                chosen.add(candidate);
            }
        }
        return chosen;
    }

    private static List<String> candidates(AnalysisTask task) {
        Set<String> out = new LinkedHashSet<>();
        String asked = task.question().question().strip().toLowerCase(Locale.ROOT);
        for (TableInfo table : task.question().snapshot().tables()) {
            if (!task.tablesRead().contains(table.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String rows = words(table.name());
            Set<String> keys = keyColumns(table);
            List<String> categories = new ArrayList<>();
            List<String> measures = new ArrayList<>();
            boolean dated = false;
            for (ColumnInfo column : table.columns()) {
                String category = column.category();
                if (("text".equals(category) || "boolean".equals(category))
                        && !column.sampleValues().isEmpty()) {
                    categories.add(words(column.name()));
                } else if ("number".equals(category) || ("integer".equals(category) && !keys.contains(column.name()))) {
                    measures.add(words(column.name()));
                } else if ("date".equals(category) || "timestamp".equals(category)) {
                    dated = true;
                }
            }
            if (dated) {
                out.add("How many " + rows + " by month?");
            }
            for (String category : categories) {
                out.add("How many " + rows + " are there by " + category + "?");
                for (String measure : measures) {
                    out.add("What is the total " + measure + " of " + rows + " by " + category + "?");
                }
            }
            for (String measure : measures) {
                out.add("Top 5 " + rows + " by " + measure);
            }
        }
        out.removeIf(candidate -> candidate.toLowerCase(Locale.ROOT).equals(asked));
        return out.stream().limit(CANDIDATES).toList();
    }

    private static Set<String> keyColumns(TableInfo table) {
        Set<String> keys = new HashSet<>(table.primaryKey());
        for (ForeignKey fk : table.foreignKeys()) {
            keys.addAll(fk.columns());
        }
        for (ColumnInfo column : table.columns()) {
            String name = column.name().toLowerCase(Locale.ROOT);
            if (name.equals("id") || name.endsWith("_id") || column.name().endsWith("Id")) {
                keys.add(column.name());
            }
        }
        return keys;
    }

    /** {@code invoice_line} and {@code InvoiceLine} read as "invoice line". */
    private static String words(String identifier) {
        return identifier
                .replaceAll("([a-z0-9])([A-Z])", "$1 $2")
                .replace('_', ' ')
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private static String normalize(String sql) {
        return sql.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }
}
