package io.datamind.linking;

/** Cosine similarity of the question to each table and column, from the stored embeddings. */
final class SemanticScores {

    private final double[] tables;
    private final double[][] columns;
    private final double best;

    private SemanticScores(double[] tables, double[][] columns, double best) {
        this.tables = tables;
        this.columns = columns;
        this.best = best;
    }

    static SemanticScores of(SchemaIndex index, SchemaVectors vectors, float[] question) {
        SchemaIndex.Aligned aligned = index.aligned(vectors);
        if (question.length != aligned.dimensions()) {
            return null;
        }
        int n = index.size();
        double[] tables = new double[n];
        double[][] columns = new double[n][];
        double best = -1;
        for (int t = 0; t < n; t++) {
            int count = index.tables.get(t).columns().size();
            int first = aligned.firstColumnRow()[t];
            columns[t] = new double[count];
            double bestColumn = -1;
            for (int c = 0; c < count; c++) {
                double sim = aligned.dot(first + c, question);
                columns[t][c] = sim;
                bestColumn = Math.max(bestColumn, sim);
            }
            int row = aligned.tableRow()[t];
            double table = row < 0 ? 0 : aligned.dot(row, question);
            // A table is as close as its own description or its closest column.
            tables[t] = Math.max(table, bestColumn);
            best = Math.max(best, tables[t]);
        }
        return new SemanticScores(tables, columns, best);
    }

    double table(int t) {
        return tables[t];
    }

    double column(int t, int c) {
        return columns[t][c];
    }

    double best() {
        return best;
    }
}
