package io.datamind;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class DataMindApplication {

    public static void main(String[] args) {
        IdleMemoryPolicy.apply();
        SpringApplication.run(DataMindApplication.class, args);
        IdleMemoryPolicy.releaseStartupGarbage();
    }
}
