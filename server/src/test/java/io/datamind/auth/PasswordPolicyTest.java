package io.datamind.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamind.common.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void shipsTheThousandMostCommonPasswords() {
        assertThat(policy.commonCount()).isEqualTo(1000);
    }

    @Test
    void refusesTooShortTooLongAndCommonPasswords() {
        assertRefused("1234567", "at least 8");
        assertRefused("x".repeat(129), "at most 128");
        for (String common : List.of("password", "12345678", "iloveyou", "sunshine", "PassWord", "qwertyuiop")) {
            assertRefused(common, "most common");
        }
        assertRefused("", "required");
        assertRefused(null, "required");
    }

    @Test
    void acceptsLongUncommonPasswordsWithoutCompositionRules() {
        for (String fine : List.of(
                "correct horse battery staple",
                "alllowercaseletters",
                "8charsok",
                "x".repeat(128),
                "ünïcødé-pässwörd",
                "🔐🔐🔐🔐🔐🔐🔐🔐")) {
            assertThatCode(() -> policy.check("password", fine)).as(fine).doesNotThrowAnyException();
        }
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertRefused("🔐".repeat(7), "at least 8");
        assertThatCode(() -> policy.check("password", "🔐".repeat(128))).doesNotThrowAnyException();
    }

    @Test
    void hashesWithArgon2idAtTheConfiguredCost() {
        PasswordEncoder encoder = new PasswordConfig().passwordEncoder();
        String hash = encoder.encode("correct horse battery staple");
        assertThat(hash).startsWith("{argon2}$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(encoder.matches("correct horse battery staple", hash)).isTrue();
        assertThat(encoder.matches("correct horse battery stapler", hash)).isFalse();
        assertThat(encoder.upgradeEncoding(hash)).isFalse();
    }

    private void assertRefused(String password, String message) {
        assertThatThrownBy(() -> policy.check("password", password))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> {
                    ApiException api = (ApiException) e;
                    assertThat(api.status().value()).isEqualTo(400);
                    assertThat(api.fieldErrors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("password");
                        assertThat(error.message()).contains(message);
                    });
                });
    }
}
