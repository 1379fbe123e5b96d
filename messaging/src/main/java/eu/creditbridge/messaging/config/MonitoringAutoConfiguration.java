package eu.creditbridge.messaging.config;

import eu.creditbridge.messaging.monitoring.ConsumedEventsCounter;
import eu.creditbridge.messaging.monitoring.EventCounters;
import eu.creditbridge.messaging.monitoring.ProducedEventsCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The two dependencies every service shares, in {@code /actuator/health}: {@code kafka} (the broker answers a
 * cluster description) and {@code schemaRegistry} (the registry lists its subjects). Both use short timeouts so
 * a dead dependency makes the health endpoint say DOWN quickly instead of hanging the caller (the launcher polls it).
 * Active when the service has actuator (health) on its classpath; {@code management.health.kafka.enabled=false} or
 * {@code management.health.schema-registry.enabled=false} switch one off (tests without a broker or registry).
 */
@AutoConfiguration(afterName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnClass({HealthIndicator.class, KafkaAdmin.class})
public class MonitoringAutoConfiguration {

    static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);
    static final String REGISTRY_URL_PROPERTY = "spring.kafka.properties.schema.registry.url";

    @Bean
    @ConditionalOnEnabledHealthIndicator("kafka")
    @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(ObjectProvider<KafkaAdmin> kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }

    @Bean
    @ConditionalOnEnabledHealthIndicator("schema-registry")
    @ConditionalOnMissingBean(name = "schemaRegistryHealthIndicator")
    SchemaRegistryHealthIndicator schemaRegistryHealthIndicator(Environment environment) {
        return new SchemaRegistryHealthIndicator(environment.getProperty(REGISTRY_URL_PROPERTY));
    }

    /**
     * {@code creditbridge.events.consumed{topic}} and {@code creditbridge.events.produced{topic}} for every consumer and
     * producer Spring Boot's factories create (listeners, templates, and the dead-letter template built from them):
     * see {@link EventCounters} for why beside Kafka's own client metrics.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MeterRegistry.class, DefaultKafkaProducerFactoryCustomizer.class})
    static class EventCounting {

        @Bean
        DefaultKafkaProducerFactoryCustomizer producedEventsCounting(ObjectProvider<MeterRegistry> registry) {
            return factory -> registry.ifAvailable(meters -> factory.updateConfigs(withCounter(
                    factory.getConfigurationProperties(), ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, ProducedEventsCounter.class, meters)));
        }

        @Bean
        DefaultKafkaConsumerFactoryCustomizer consumedEventsCounting(ObjectProvider<MeterRegistry> registry) {
            return factory -> registry.ifAvailable(meters -> factory.updateConfigs(withCounter(
                    factory.getConfigurationProperties(), ConsumerConfig.INTERCEPTOR_CLASSES_CONFIG, ConsumedEventsCounter.class, meters)));
        }

        private static Map<String, Object> withCounter(Map<String, Object> current, String key, Class<?> counter,
                MeterRegistry meters) {
            Map<String, Object> update = new HashMap<>();
            update.put(key, current.get(key));
            return EventCounters.withInterceptor(update, key, counter, meters);
        }
    }

    /** UP when the broker describes its cluster within {@link #CHECK_TIMEOUT}; reuses Spring's KafkaAdmin config. */
    static final class KafkaHealthIndicator implements HealthIndicator, DisposableBean {

        private final ObjectProvider<KafkaAdmin> kafkaAdmin;
        private Admin admin;

        KafkaHealthIndicator(ObjectProvider<KafkaAdmin> kafkaAdmin) {
            this.kafkaAdmin = kafkaAdmin;
        }

        @Override
        public Health health() {
            try {
                var cluster = admin().describeCluster(
                        new DescribeClusterOptions().timeoutMs((int) CHECK_TIMEOUT.toMillis()));
                String clusterId = cluster.clusterId().get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                int nodes = cluster.nodes().get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
                return Health.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.down(e).build();
            } catch (Exception e) {
                return Health.down(e).build();
            }
        }

        /** One client for all checks: creating one per check would open a connection each time. */
        private synchronized Admin admin() {
            if (admin == null) {
                KafkaAdmin springAdmin = kafkaAdmin.getIfAvailable();
                if (springAdmin == null) {
                    throw new IllegalStateException("no KafkaAdmin configured");
                }
                Map<String, Object> config = new HashMap<>(springAdmin.getConfigurationProperties());
                config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis());
                config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis());
                config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "health");
                admin = Admin.create(config);
            }
            return admin;
        }

        @Override
        public synchronized void destroy() {
            if (admin != null) {
                admin.close(Duration.ofSeconds(1));
            }
        }
    }

    /** UP when {@code GET <registry>/subjects} answers 200 within {@link #CHECK_TIMEOUT}. */
    static final class SchemaRegistryHealthIndicator implements HealthIndicator {

        private final String baseUrl;
        private final HttpClient http = HttpClient.newBuilder().connectTimeout(CHECK_TIMEOUT).build();

        SchemaRegistryHealthIndicator(String baseUrl) {
            this.baseUrl = baseUrl;
        }

        @Override
        public Health health() {
            if (baseUrl == null || baseUrl.isBlank()) {
                return Health.unknown().withDetail("reason", REGISTRY_URL_PROPERTY + " is not set").build();
            }
            String url = baseUrl.replaceAll("/+$", "") + "/subjects";
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(CHECK_TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                var health = response.statusCode() == 200 ? Health.up() : Health.down();
                return health.withDetail("url", url).withDetail("status", response.statusCode()).build();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Health.down(e).withDetail("url", url).build();
            } catch (Exception e) {
                return Health.down(e).withDetail("url", url).build();
            }
        }
    }
}
