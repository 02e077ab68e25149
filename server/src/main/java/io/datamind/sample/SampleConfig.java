package io.datamind.sample;

import io.datamind.common.DataMindProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SampleConfig {

    @Bean
    SampleDatabase sampleDatabase(SampleProperties properties, DataMindProperties dataMind) {
        return new SampleDatabase(properties.directory(dataMind.dataDir()).resolve(SampleDatabase.FILE_NAME));
    }

    @Bean
    SampleDatabaseInitializer sampleDatabaseInitializer(SampleDatabase database, ApplicationEventPublisher events) {
        return new SampleDatabaseInitializer(database, events);
    }
}
