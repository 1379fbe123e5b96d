package eu.creditbridge.issuer.config;

import eu.creditbridge.issuer.web.RequestBodyLimit;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP API's guards on request size: {@code creditbridge.web.max-request-body} for every door but the imports,
 * {@code creditbridge.web.max-import-body} for {@code /api/transcripts}, whose documents are larger.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    private static final String TRANSCRIPTS = "/api/transcripts";

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(IssuerProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(properties.web().maxRequestBody().toBytes()).except(TRANSCRIPTS));
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimit> importBodyLimit(IssuerProperties properties) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimit(properties.web().maxImportBody().toBytes()));
        registration.setName("importBodyLimit");
        registration.addUrlPatterns(TRANSCRIPTS, TRANSCRIPTS + "/*");
        return registration;
    }
}
