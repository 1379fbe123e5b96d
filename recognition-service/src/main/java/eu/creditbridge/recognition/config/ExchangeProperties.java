package eu.creditbridge.recognition.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Documents uploaded in the formats universities exchange ({@code creditbridge.exchange.*}).
 *
 * @param maxDocumentSize largest EWP learning agreement or ELMO transcript an import reads; a whole degree's
 *                        transcript with attachments runs to megabytes, so this is its own limit, far above a JSON body's
 */
@ConfigurationProperties("creditbridge.exchange")
public record ExchangeProperties(@DefaultValue("4MB") DataSize maxDocumentSize) {

    public int maxDocumentBytes() {
        return Math.toIntExact(maxDocumentSize.toBytes());
    }
}
