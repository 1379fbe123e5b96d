package eu.creditbridge.issuer.config;

import eu.creditbridge.issuer.web.CredentialBatchReader;
import eu.creditbridge.issuer.web.CredentialController;
import eu.creditbridge.issuer.web.JsonBodyReader;
import eu.creditbridge.issuer.web.RequestBodyLimit;
import java.util.Map;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API's guard on request size ({@code creditbridge.web.max-request-body}; the batch endpoint's own
 * {@code creditbridge.web.max-batch-body}, the document imports' {@code creditbridge.web.max-import-body}), and the reader of batches.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    private static final String TRANSCRIPTS = "/api/transcripts";

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(IssuerProperties properties) {
        var web = properties.web();
        var registration = new FilterRegistrationBean<>(new RequestBodyLimit(web.maxRequestBody().toBytes(),
                Map.of(CredentialController.BATCH_PATH, web.maxBatchBody().toBytes(),
                        TRANSCRIPTS, web.maxImportBody().toBytes())));
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    CredentialBatchReader credentialBatchReader(JsonBodyReader bodies, JsonMapper json, IssuerProperties properties) {
        return new CredentialBatchReader(bodies, json, properties.web().maxBatchCredentials(),
                properties.web().maxRequestBody().toBytes());
    }
}
