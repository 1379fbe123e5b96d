package eu.creditbridge.messaging.config;

import eu.creditbridge.messaging.tracing.MicrometerOutboxTrace;
import eu.creditbridge.messaging.tracing.OutboxTrace;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link OutboxTrace} every service's outbox uses: over Micrometer Tracing when the service traces (a
 * {@link Tracer} and a {@link Propagator} in the context), otherwise {@link OutboxTrace#NONE}.
 */
@AutoConfiguration
public class TracingAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tracer.class)
    static class MicrometerTracing {

        @Bean
        @ConditionalOnMissingBean
        OutboxTrace outboxTrace(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
            Tracer available = tracer.getIfAvailable();
            Propagator propagating = propagator.getIfAvailable();
            if (available == null || propagating == null || available == Tracer.NOOP) {
                return OutboxTrace.NONE;
            }
            return new MicrometerOutboxTrace(available, propagating);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxTrace untracedOutbox() {
        return OutboxTrace.NONE;
    }
}
