package eu.creditbridge.recognition.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads an XML document someone uploaded, refusing the dangerous ones before they cost anything: the size is bounded
 * while the bytes are read (a declared length over the limit is refused unread), a DOCTYPE is refused outright (so
 * no entity expansion and no external DTD), external entities and schemas are never fetched, and the JDK's secure
 * processing limits apply. Namespace-aware, so readers can accept several namespace versions by local name.
 */
public final class UntrustedXml {

    private UntrustedXml() {
    }

    /** At most {@code limit} bytes of the body; a longer one, declared or not, is refused without reading the rest. */
    public static byte[] readBounded(InputStream body, long declaredLength, int limit) {
        if (declaredLength > limit) {
            throw UnreadableDocument.tooLarge(limit);
        }
        try {
            byte[] bytes = body.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw UnreadableDocument.tooLarge(limit);
            }
            return bytes;
        } catch (IOException e) {
            throw UnreadableDocument.because("The document could not be read: " + e.getMessage());
        }
    }

    public static Document parse(byte[] document) {
        if (document.length == 0) {
            throw UnreadableDocument.because("The request has no document.");
        }
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(document));
        } catch (SAXException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("DOCTYPE")) {
                throw UnreadableDocument.because("The document declares a DOCTYPE; documents with a DOCTYPE (and so entity"
                        + " declarations) are refused.");
            }
            throw UnreadableDocument.because("The document is not well-formed XML: " + message);
        } catch (IOException | ParserConfigurationException e) {
            throw UnreadableDocument.because("The document could not be read: " + e.getMessage());
        }
    }

    /** The hardened factory; also what signature verification parses with, so the same document is read the same way. */
    public static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    /** Child elements with a local name, in any namespace: documents come in several namespace versions. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())) {
                found.add(element);
            }
        }
        return found;
    }

    public static Optional<Element> child(Element parent, String localName) {
        return children(parent, localName).stream().findFirst();
    }

    /** The trimmed text of the first child with that name, if there is one with text. */
    public static Optional<String> text(Element parent, String localName) {
        return child(parent, localName).map(element -> element.getTextContent().strip()).filter(text -> !text.isEmpty());
    }

    /** A path of child names from {@code parent}, each step the first match. */
    public static Optional<Element> path(Element parent, String... localNames) {
        Optional<Element> current = Optional.of(parent);
        for (String name : localNames) {
            current = current.flatMap(element -> child(element, name));
        }
        return current;
    }
}
