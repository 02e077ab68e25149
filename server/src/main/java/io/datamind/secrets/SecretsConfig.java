package io.datamind.secrets;

import io.datamind.common.DataMindProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SecretsConfig {

    @Bean
    AppSecrets appSecrets(SecretsProperties properties, DataMindProperties dataMind, Environment environment) {
        // Keys generated into a replica's data directory differ per replica and vanish with it: production keys
        // come from the environment, with no way to switch that back on by accident.
        if (properties.generateMissing() && environment.matchesProfiles("prod")) {
            throw new SecretProblem(
                    "datamind.secrets.generate-missing",
                    "cannot be true in the prod profile",
                    "Remove datamind.secrets.generate-missing and set DATAMIND_JWT_ACCESS_KEY, DATAMIND_JWT_REFRESH_KEY"
                            + " and DATAMIND_MASTER_KEY (each the output of `openssl rand -base64 32`).");
        }
        return new SecretsLoader(properties, dataMind.dataDir()).load();
    }
}
