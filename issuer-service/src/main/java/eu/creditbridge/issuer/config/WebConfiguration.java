package eu.creditbridge.issuer.config;

import eu.creditbridge.issuer.web.RequestBodyLimit;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The HTTP API's guard on request size ({@code creditbridge.web.max-request-body}). */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(IssuerProperties properties) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimit(properties.web().maxRequestBody().toBytes()));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
