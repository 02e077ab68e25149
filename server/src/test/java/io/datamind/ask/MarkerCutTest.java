package io.datamind.ask;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkerCutTest {

    static String through(String... tokens) {
        List<String> out = new ArrayList<>();
        MarkerCut cut = new MarkerCut("<follow_ups>", out::add);
        for (String token : tokens) {
            cut.onToken(token);
        }
        cut.finish();
        return String.join("", out);
    }

    @Test
    void passesTextAndSwallowsTheMarkedTail() {
        assertThat(through("Revenue ", "rose.", "\n<follow", "_ups>\n- Why?", "</follow_ups>"))
                .isEqualTo("Revenue rose.");
        assertThat(through("Revenue rose.\n\n<FOLLOW_UPS>x")).isEqualTo("Revenue rose.");
    }

    @Test
    void whatOnlyLookedLikeTheMarkerIsSentLater() {
        assertThat(through("a <fol", "k song", " and a < b")).isEqualTo("a <folk song and a < b");
        assertThat(through("ends with <")).isEqualTo("ends with <");
    }
}
