package io.datamind.support;

import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A {@code @ConfigurationProperties} record bound the way the application binds it, with its {@code @DefaultValue}s,
 * for code that builds production objects without starting the application (benchmarks). Only the given settings
 * differ from the defaults, so the defaults are never copied by hand.
 */
public final class BoundProperties {

    private BoundProperties() {}

    public static <T> T of(String prefix, Class<T> type, Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate(prefix, Bindable.of(type));
    }

    public static <T> T defaults(String prefix, Class<T> type) {
        return of(prefix, type, Map.of());
    }
}
