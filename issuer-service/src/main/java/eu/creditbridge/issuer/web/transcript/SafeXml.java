package eu.creditbridge.issuer.web.transcript;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import java.io.ByteArrayInputStream;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The one XML parser of the import endpoints, configured for documents from outside: no DTD (a DOCTYPE is refused
 * outright, so neither entity expansion nor external entities can happen), no external entities or DTDs even if
 * asked, bounded depth, attributes, names and text. The body has already been cut at its size limit before it gets
 * here ({@code RequestBodyLimit}). Woodstox, the StAX parser Jackson's XML module runs on, reads it.
 */
public final class SafeXml {

    static final int MAX_DEPTH = 64;

    private SafeXml() {
    }

    /** A StAX factory for untrusted documents; also what Jackson's XML module reads through. */
    public static XMLInputFactory inputFactory() {
        var factory = new WstxInputFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        // Text split around CDATA sections ("&lt;b<![CDATA[r> in HTML]]>" in the ELMO example) comes back as one value.
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read: " + systemId);
        });
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_DEPTH);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 64);
        factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 64 * 1024);
        factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, 1024 * 1024);
        factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, 1_000_000L);
        factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1L);
        return factory;
    }

    /** A document that must not be read, with why: a DOCTYPE, or XML that is not well-formed. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /**
     * Reads the document once to its root element, refusing a DOCTYPE wherever it appears before it, then on to the
     * end so a document that is not well-formed is refused before anything of it is bound.
     *
     * @return the root element's name, with its namespace
     * @throws Refused naming the problem and, where the parser knows it, the line and column
     */
    public static QName rootOf(byte[] document, XMLInputFactory factory) {
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new ByteArrayInputStream(document));
            QName root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new Refused("a DOCTYPE is not allowed in an imported document (DTDs and entities are never "
                            + "read from outside)");
                }
                if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                    throw new Refused("entity reference '&" + reader.getLocalName() + ";' is not allowed: only XML's "
                            + "predefined entities and character references are");
                }
                if (event == XMLStreamConstants.START_ELEMENT && root == null) {
                    root = reader.getName();
                }
            }
            if (root == null) {
                throw new Refused("the document has no root element");
            }
            return root;
        } catch (XMLStreamException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " (line " + where.getLineNumber() + ", column " + where.getColumnNumber() + ")";
            String message = e.getMessage() == null ? "unreadable" : e.getMessage().lines().findFirst().orElse("");
            throw new Refused("is not well-formed XML" + at + ": " + message.replaceFirst("^ParseError at \\[.*?\\]\\s*", ""));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing was held but the byte array
                }
            }
        }
    }

}
