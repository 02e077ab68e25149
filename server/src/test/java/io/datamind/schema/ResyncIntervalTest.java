package io.datamind.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** How datamind.schema.resync-interval is read, and how often a replica looks for due connections. */
class ResyncIntervalTest {

    @Test
    void defaultsToADayCheckedEveryTenMinutes() {
        SchemaProperties properties = bind(null);
        assertThat(properties.resync()).isEqualTo(Duration.ofHours(24));
        assertThat(ScheduledResync.checkEvery(properties)).contains(Duration.ofMinutes(10));
    }

    @Test
    void zeroOrBlankSwitchesItOff() {
        assertThat(ScheduledResync.checkEvery(bind("0"))).isEmpty();
        assertThat(ScheduledResync.checkEvery(bind("0s"))).isEmpty();
        assertThat(ScheduledResync.checkEvery(bind(""))).isEmpty();
    }

    @Test
    void checksEveryTenthOfTheIntervalWithinBounds() {
        assertThat(ScheduledResync.checkEvery(bind("1h"))).contains(Duration.ofMinutes(6));
        assertThat(ScheduledResync.checkEvery(bind("2s"))).isEqualTo(Optional.of(Duration.ofSeconds(1)));
        assertThat(ScheduledResync.checkEvery(bind("7d"))).contains(Duration.ofMinutes(10));
    }

    @Test
    void aNegativeOrUnreadableIntervalIsRefused() {
        assertThatThrownBy(() -> bind("-5m")).hasStackTraceContaining("cannot be negative");
        assertThatThrownBy(() -> bind("soon")).hasStackTraceContaining("must be a duration");
    }

    private static SchemaProperties bind(String interval) {
        Map<String, String> values = new HashMap<>();
        if (interval != null) {
            values.put("datamind.schema.resync-interval", interval);
        }
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("datamind.schema", SchemaProperties.class);
    }
}
