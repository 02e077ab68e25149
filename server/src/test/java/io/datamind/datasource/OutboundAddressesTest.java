package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The data sources' address rules, for hosts other modules accept from users (an AI provider's base URL). */
class OutboundAddressesTest {

    private final FakeResolver resolver = new FakeResolver();
    private final OutboundAddresses privateAllowed = new OutboundAddresses(true, resolver);
    private final OutboundAddresses privateRefused = new OutboundAddresses(false, resolver);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "169.254.169.254",
                "169.254.0.1",
                "[fd00:ec2::254]",
                "fd00:ec2::254",
                "[fe80::1]",
                "[::ffff:169.254.169.254]",
                "100.100.100.200",
                "0.0.0.0",
                "[::]",
                "224.0.0.1",
                "metadata.google.internal",
                "METADATA.google.internal",
                "metadata",
                "2852039166",
                "0xA9FEA9FE",
                "0251.0376.0251.0376",
                "169.254.169.254.",
            })
    void linkLocalMetadataAndOddSpellingsAreRefusedEvenWithPrivateNetworksAllowed(String host) {
        assertThat(privateAllowed.refusal(host)).as(host).isPresent();
        assertThat(resolver.lookups)
                .as("no lookup for a literal or a metadata name")
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.5", "192.168.1.20", "172.16.0.1", "[::1]", "[fd12:3456::1]"})
    void loopbackAndPrivateAddressesFollowTheSwitch(String host) {
        assertThat(privateAllowed.refusal(host)).as(host).isEmpty();
        assertThat(privateRefused.refusal(host))
                .as(host)
                .hasValueSatisfying(reason -> assertThat(reason).contains("private networks are switched off"));
    }

    @Test
    void namesAreJudgedByEveryAddressTheyResolveTo() {
        resolver.answer("api.example.com", "203.0.113.7");
        resolver.answer("rebind.example.com", "203.0.113.7", "169.254.169.254");
        resolver.answer("ollama", "10.0.0.9");

        assertThat(privateRefused.refusal("api.example.com")).isEmpty();
        assertThat(privateAllowed.refusal("rebind.example.com"))
                .hasValue("rebind.example.com resolves to 169.254.169.254, which is a link-local address (where cloud"
                        + " metadata services live)");
        assertThat(privateAllowed.refusal("ollama")).isEmpty();
        assertThat(privateRefused.refusal("ollama")).isPresent();
        assertThat(privateAllowed.refusal("169.254.169.254"))
                .hasValue("169.254.169.254 is a link-local address (where cloud metadata services live)");
    }

    @Test
    void aNameThatDoesNotResolveIsLeftForItsUse() {
        assertThat(privateRefused.refusal("nowhere.example.com")).isEmpty();
        assertThat(resolver.lookups).containsExactly("nowhere.example.com");
    }

    @Test
    void theVerdictCarriesTheAddressesOfItsOneLookup() throws Exception {
        resolver.answer("model.example.com", "203.0.113.7");
        OutboundAddresses.Verdict verdict = privateRefused.judge("model.example.com");
        // What a rebinding DNS server answers the next time: the connection must not ask again.
        resolver.answer("model.example.com", "169.254.169.254");

        assertThat(verdict.refused()).isFalse();
        assertThat(verdict.addresses()).containsExactly(java.net.InetAddress.getByName("203.0.113.7"));
        assertThat(resolver.lookups).containsExactly("model.example.com");
        assertThat(privateRefused.judge("model.example.com").refusal()).contains("169.254.169.254");
        assertThat(privateAllowed.judge("[::1]").addresses()).containsExactly(java.net.InetAddress.getByName("::1"));
        assertThat(privateAllowed.judge("nowhere.example.com").addresses()).isEmpty();
    }
}
