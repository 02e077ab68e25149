package io.datamind.secrets;

import io.datamind.common.DataMindProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecretsConfig {

    @Bean
    AppSecrets appSecrets(SecretsProperties properties, DataMindProperties dataMind) {
        return new SecretsLoader(properties, dataMind.dataDir()).load();
    }
}
