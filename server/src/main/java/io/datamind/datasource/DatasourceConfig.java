package io.datamind.datasource;

import io.datamind.common.DataMindProperties;
import io.datamind.secrets.AppSecrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DatasourceConfig {

    private static final Logger log = LoggerFactory.getLogger(DatasourceConfig.class);

    @Bean
    ConnectionDetailsValidator connectionDetailsValidator(SourcesProperties sources, DataMindProperties dataMind) {
        Path root = sources.fileRootIn(dataMind.dataDir());
        try {
            // So admins find the folder where file sources go; validation itself never creates anything.
            Files.createDirectories(root);
        } catch (IOException e) {
            log.warn("Cannot create the file source folder {}: {}", root.toAbsolutePath(), e.getMessage());
        }
        return new ConnectionDetailsValidator(
                sources.allowPrivateNetworks(), root, UploadsConnections.root(dataMind.dataDir()), HostResolver.SYSTEM);
    }

    @Bean
    CredentialCipher credentialCipher(AppSecrets secrets) {
        return CredentialCipher.from(secrets);
    }

    @Bean
    CredentialRotation credentialRotation(CredentialCipher cipher) {
        return new CredentialRotation(cipher);
    }
}
