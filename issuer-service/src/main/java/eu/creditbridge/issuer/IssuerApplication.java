package eu.creditbridge.issuer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** issuer-service: issues and revokes credentials, publishes them, shows where they were recognised. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IssuerApplication {

    public static void main(String[] args) {
        SpringApplication.run(IssuerApplication.class, args);
    }
}
