package eu.creditbridge.issuer.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The issuer's own settings ({@code creditbridge.*}). Addresses of Kafka, the schema registry and
 * MongoDB are Spring Boot's properties ({@code spring.kafka.*}, {@code spring.mongodb.*}); the outbox's are the
 * house's {@code creditbridge.outbox.*} ({@code OutboxProperties}, bound by the messaging module).
 */
@ConfigurationProperties("creditbridge")
public record IssuerProperties(@DefaultValue Web web) {

    /**
     * @param maxRequestBody largest request body the API reads; a larger one is answered 413 (problem details) before
     *                       it is held in memory. A credential with every optional element is a few KB, and the event it
     *                       becomes must stay under the contract's 256 KiB value limit. Also the limit of each credential
     *                       of a batch.
     * @param maxBatchBody   largest body of {@code POST /api/credentials/batch}: room for its most credentials of a few KB
     * @param maxBatchCredentials most credentials one batch request may carry
     * @param maxImportBody  largest document {@code POST /api/transcripts} reads (ELMO, EWP, Europass): a whole degree's
     *                       transcript runs to hundreds of KB; still cut before parsing, so a hostile document costs at
     *                       most this much memory.
     */
    public record Web(@DefaultValue("128KB") DataSize maxRequestBody,
                      @DefaultValue("8MB") DataSize maxBatchBody,
                      @DefaultValue("1000") int maxBatchCredentials,
                      @DefaultValue("4MB") DataSize maxImportBody) {
    }
}
