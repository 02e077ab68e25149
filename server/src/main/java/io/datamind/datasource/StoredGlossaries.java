package io.datamind.datasource;

import io.datamind.audit.AuditEvent;
import io.datamind.common.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Glossaries as admins save them, checked, audited, and read by the offline engine and the schema selector. */
@Service
class StoredGlossaries implements Glossaries {

    private final GlossaryRepository repository;
    private final ConnectionRepository connections;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    StoredGlossaries(
            GlossaryRepository repository, ConnectionRepository connections, ApplicationEventPublisher events) {
        this.repository = repository;
        this.connections = connections;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> of(UUID orgId, UUID connectionId) {
        Map<String, String> terms = new LinkedHashMap<>();
        repository.find(orgId, connectionId).ifPresent(g -> g.terms().forEach(t -> terms.put(t.term(), t.meaning())));
        return terms;
    }

    @Transactional(readOnly = true)
    Glossary get(UUID orgId, UUID connectionId) {
        requireConnection(orgId, connectionId);
        return repository.find(orgId, connectionId).orElse(new Glossary(List.of(), null));
    }

    /** Replaces the whole glossary; an empty list clears it. */
    @Transactional
    Glossary replace(UUID orgId, UUID userId, UUID connectionId, Glossary update) {
        requireConnection(orgId, connectionId);
        List<GlossaryTerm> terms = validated(update);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        repository.save(orgId, connectionId, terms, userId, now);
        events.publishEvent(new AuditEvent(
                orgId,
                userId,
                "datasource.glossary.updated",
                "connection",
                connectionId.toString(),
                Map.of("terms", terms.size())));
        return new Glossary(terms, now);
    }

    private void requireConnection(UUID orgId, UUID connectionId) {
        if (connections.find(orgId, connectionId).isEmpty()) {
            throw new NotFoundException("Connection");
        }
    }

    private static List<GlossaryTerm> validated(Glossary update) {
        if (update == null || update.terms() == null) {
            throw FieldErrors.invalid("terms", "Required; send an empty list to clear the glossary");
        }
        if (update.terms().size() > Glossary.MAX_TERMS) {
            throw FieldErrors.invalid("terms", "At most " + Glossary.MAX_TERMS + " terms");
        }
        FieldErrors errors = new FieldErrors();
        List<GlossaryTerm> terms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < update.terms().size(); i++) {
            GlossaryTerm entry = update.terms().get(i);
            String field = "terms[" + i + "]";
            if (entry == null) {
                errors.add(field, "Required");
                continue;
            }
            String term = text(errors, field + ".term", entry.term(), Glossary.MAX_TERM);
            String meaning = text(errors, field + ".meaning", entry.meaning(), Glossary.MAX_MEANING);
            if (term != null && !term.codePoints().anyMatch(Character::isLetterOrDigit)) {
                errors.add(field + ".term", "Must contain a letter or a digit");
                term = null;
            }
            if (term != null && !seen.add(term.toLowerCase(Locale.ROOT))) {
                errors.add(field + ".term", "Appears more than once");
            }
            if (term != null && meaning != null) {
                terms.add(new GlossaryTerm(term, meaning));
            }
        }
        errors.throwIfAny();
        return terms;
    }

    /** Trimmed, runs of white space (tabs, line breaks) folded to one space; null (with an error) when refused. */
    private static String text(FieldErrors errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(field, "Required");
            return null;
        }
        String text = value.strip().replaceAll("\\s+", " ");
        if (FieldRules.hasControlOrFormat(text)) {
            errors.add(field, "Must not contain control or invisible characters");
            return null;
        }
        if (text.length() > max) {
            errors.add(field, "At most " + max + " characters");
            return null;
        }
        return text;
    }
}
