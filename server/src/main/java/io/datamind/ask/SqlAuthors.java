package io.datamind.ask;

import io.datamind.aisettings.AiSettings;
import io.datamind.budget.TokenBudgets;
import io.datamind.datasource.Glossaries;
import io.datamind.llm.LlmProvider;
import io.datamind.llm.LlmProviderSettings;
import io.datamind.llm.LlmProviders;
import io.datamind.offline.OfflineEngine;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Picks the author of an organization's questions from its AI settings: the offline engine or a model. */
@Component
class SqlAuthors {

    private final AiSettings settings;
    private final LlmProviders providers;
    private final TokenBudgets budgets;
    private final OfflineSqlAuthor offline;
    private final PlainAnalysis plain;

    SqlAuthors(
            AiSettings settings,
            LlmProviders providers,
            TokenBudgets budgets,
            OfflineEngine engine,
            Glossaries glossaries,
            PlainAnalysis plain) {
        this.settings = settings;
        this.providers = providers;
        this.budgets = budgets;
        this.plain = plain;
        this.offline = new OfflineSqlAuthor(engine, glossaries, plain);
    }

    /** A fresh author for one question. */
    SqlAuthor forQuestion(UUID orgId) {
        LlmProviderSettings chosen = settings.forOrganization(orgId);
        if (providers.isOffline(chosen)) {
            return offline;
        }
        LlmProvider provider = providers.create(chosen);
        String model = blank(chosen.model())
                ? providers.defaultSettings(provider.id()).model()
                : chosen.model().trim();
        return new ModelSqlAuthor(new MeteredProvider(provider, budgets, orgId, model), plain);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
