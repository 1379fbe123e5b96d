package eu.creditbridge.issuer.web.transcript;

import eu.creditbridge.issuer.web.FieldProblem;
import eu.creditbridge.issuer.web.InvalidRequest;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.xml.XmlFactory;
import tools.jackson.dataformat.xml.XmlMapper;

/**
 * Tells which document an import request carries and binds it: ELMO (any {@code elmo-schemas/tree/vN} namespace: the
 * v1.x releases and v2.0.0 share {@code tree/v1}) or an EWP Transcript of Records response as XML, a Europass credential
 * as JSON-LD. XML is checked by {@link SafeXml} (no DOCTYPE, well-formed) before anything is bound.
 */
public class TranscriptDocuments {

    public static final MediaType LD_JSON = MediaType.parseMediaType("application/ld+json");

    private static final Pattern ELMO_NAMESPACE = Pattern.compile("https://github\\.com/emrex-eu/elmo-schemas/tree/v[0-9]+");
    private static final String TORS_NAMESPACE = "https://github.com/erasmus-without-paper/ewp-specs-api-imobility-tors/";
    private static final String LAS_ROOT = "omobility-las-get-response";

    private final XmlMapper xml;
    private final JsonMapper json;

    public TranscriptDocuments(JsonMapper json) {
        this.json = json;
        this.xml = XmlMapper.builder(XmlFactory.builder().xmlInputFactory(SafeXml.inputFactory()).build())
                .defaultUseWrapper(false)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    /** @throws InvalidRequest if the body is empty, unreadable, hostile or not one of the documents understood */
    DocumentReading read(byte[] body, MediaType type) {
        if (body == null || body.length == 0) {
            throw refused("", "the request body is empty; an ELMO document, an EWP Transcript of Records response or a "
                    + "Europass credential is expected");
        }
        if (type != null && LD_JSON.isCompatibleWith(type) && !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
            try {
                return new EuropassReading(json.readTree(body));
            } catch (JacksonException e) {
                throw refused("", "is not well-formed JSON: " + e.getOriginalMessage());
            }
        }
        QName root;
        try {
            root = SafeXml.rootOf(body, SafeXml.inputFactory());
        } catch (SafeXml.Refused e) {
            throw refused("", e.getMessage());
        }
        String namespace = root.getNamespaceURI();
        try {
            if (root.getLocalPart().equals("elmo")) {
                if (!ELMO_NAMESPACE.matcher(namespace).matches()) {
                    throw refused("elmo", "is in namespace '" + namespace + "', not ELMO's "
                            + "(https://github.com/emrex-eu/elmo-schemas/tree/v1)");
                }
                return ElmoReading.ofElmo(xml.readValue(body, ElmoDocument.Elmo.class));
            }
            if (root.getLocalPart().equals("imobility-tors-get-response") && namespace.startsWith(TORS_NAMESPACE)) {
                return ElmoReading.ofTors(xml.readValue(body, ElmoDocument.TorsResponse.class));
            }
        } catch (JacksonException e) {
            throw refused("", "could not be read as " + root.getLocalPart() + ": " + e.getOriginalMessage());
        }
        if (root.getLocalPart().equals(LAS_ROOT)) {
            throw refused(LAS_ROOT, "is an EWP learning agreement, not a transcript: the home university registers it "
                    + "at recognition-service (PUT /api/institutions/{schac}/learners/{learnerId}/learning-agreements/{id})");
        }
        throw refused(root.getLocalPart(), "is not a transcript understood here: expected an ELMO document (root 'elmo') "
                + "or an EWP Transcript of Records response (root 'imobility-tors-get-response') as XML, or a Europass "
                + "credential as application/ld+json");
    }

    private static InvalidRequest refused(String field, String message) {
        return new InvalidRequest(List.of(FieldProblem.at(field, message)));
    }
}
