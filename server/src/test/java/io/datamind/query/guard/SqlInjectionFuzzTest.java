package io.datamind.query.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every line of the PayloadsAllTheThings Intruder lists, pasted raw into a string literal and into a numeric
 * position as an injected application would: the guard must refuse with a reason or accept, never fail, and whatever
 * it accepts must be read-only by a second, independent analysis. {@link SqlInjectionExecutionTest} runs the same
 * statements for real through the API.
 */
class SqlInjectionFuzzTest {

    static final Path PAYLOADS =
            Path.of(System.getProperty("datamind.shared-dir"), "security", "sqli-payloads", "Intruder");
    private static final List<String> SCHEMA =
            List.of("t", "t2", "s", "users", "employees", "orders", "customers", "mv");
    private static final Set<String> SCHEMA_NAMES = Set.copyOf(SCHEMA);
    /** The two lexical families: standard strings, and MySQL's backslash escapes and # comments. */
    private static final List<SqlDialect> DIALECTS = List.of(SqlDialect.POSTGRESQL, SqlDialect.MYSQL);
    /**
     * JSqlParser needs seconds for some of the Oracle payloads before it fails; a short parse timeout keeps the run
     * short, and a timeout is a refusal, which is an allowed outcome. Accepted text is checked again with the default.
     */
    private static final SqlGuard GUARD = new SqlGuard(Duration.ofMillis(100), 100_000);

    private static final SqlGuard DEFAULT_GUARD = new SqlGuard();

    private static final AtomicInteger CHECKED = new AtomicInteger();
    private static final AtomicInteger ACCEPTED = new AtomicInteger();

    static Stream<Arguments> payloadFiles() throws IOException {
        try (Stream<Path> files = Files.list(PAYLOADS)) {
            List<Path> list = files.filter(Files::isRegularFile).sorted().toList();
            assertThat(list).hasSizeGreaterThanOrEqualTo(20);
            return list.stream().map(file -> Arguments.of(file.getFileName().toString(), file));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloadFiles")
    void everyPayloadIsRefusedOrHarmless(String name, Path file) throws IOException {
        List<String> payloads = lines(file);
        assertThat(payloads).isNotEmpty();
        SoftAssertions softly = new SoftAssertions();
        for (String payload : payloads) {
            for (SqlDialect dialect : DIALECTS) {
                KnownTables known = KnownTables.of(dialect, SCHEMA);
                for (String sql : injected(payload)) {
                    check(softly, sql, dialect, known);
                }
            }
        }
        softly.assertAll();
    }

    /** The payload as an injected application would paste it: into a string literal and into a numeric position. */
    static List<String> injected(String payload) {
        return List.of(
                "SELECT * FROM customers WHERE name = '" + payload + "'",
                "SELECT * FROM customers WHERE id = " + payload);
    }

    private static void check(SoftAssertions softly, String sql, SqlDialect dialect, KnownTables known) {
        CHECKED.incrementAndGet();
        GuardVerdict verdict = GUARD.check(sql, dialect, known);
        if (verdict instanceof GuardVerdict.Refused refused) {
            softly.assertThat(refused.reason())
                    .as("reason for %s in %s", sql, dialect)
                    .isNotBlank()
                    .doesNotStartWith(SqlGuard.INTERNAL_ERROR_PREFIX);
            return;
        }
        ACCEPTED.incrementAndGet();
        GuardVerdict.Accepted accepted = (GuardVerdict.Accepted) verdict;
        softly.check(() -> IndependentReadOnlyCheck.assertReadOnly(accepted.sql(), SCHEMA_NAMES));
        GuardVerdict again = DEFAULT_GUARD.check(accepted.sql(), dialect, known);
        softly.assertThat(again)
                .as("accepted text of %s checked again in %s", sql, dialect)
                .isInstanceOfSatisfying(
                        GuardVerdict.Accepted.class, a -> assertThat(a.sql()).isEqualTo(accepted.sql()));
    }

    /** The file's lines as text: most lists are UTF-8, one is Latin-1. */
    static List<String> lines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return text.lines().toList();
    }

    @AfterAll
    static void printFigures() {
        System.out.printf(
                "SQL injection fuzz: %d queries checked, %d refused, %d accepted (all accepted ones read-only)%n",
                CHECKED.get(), CHECKED.get() - ACCEPTED.get(), ACCEPTED.get());
    }
}
