package eu.creditbridge.recognition.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.catalog.CatalogFeatures;
import javax.xml.catalog.CatalogManager;
import javax.xml.catalog.CatalogResolver;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The trusted ELMO 2.0.0 schema, compiled offline: its imports resolve through the OASIS catalog beside it
 * ({@code references/catalog.xml}, read by the JDK's catalog resolver, an {@code LSResourceResolver}), and
 * {@code xml.xsd}'s DOCTYPE names a DTD that is never loaded.
 */
public final class ElmoSchema {

    private static final String DTD = "http://www.w3.org/TR/REC-xml";
    private static Schema schema;

    private ElmoSchema() {
    }

    public static synchronized Schema schema() {
        if (schema == null) {
            try {
                SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
                CatalogResolver catalog = CatalogManager.catalogResolver(
                        CatalogFeatures.builder().with(CatalogFeatures.Feature.RESOLVE, "strict").build(),
                        PublicSamples.path("elmo-v2.0.0/references/catalog.xml").toUri());
                // The schema factory has no switch for external DTDs, but it asks its resolver for them: a DTD is
                // answered with nothing, so none is ever loaded; every schema import must be in the catalog.
                DOMImplementationLS ls = (DOMImplementationLS) DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation();
                factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> {
                    if (!DTD.equals(type)) {
                        return catalog.resolveResource(type, namespace, publicId, systemId, baseUri);
                    }
                    LSInput nothing = ls.createLSInput();
                    nothing.setSystemId(systemId);
                    nothing.setByteStream(new ByteArrayInputStream(new byte[0]));
                    return nothing;
                });
                factory.setErrorHandler(new ErrorHandler() {
                    // A schema import that fails is only a warning to the factory: here it fails the compilation.
                    @Override
                    public void warning(SAXParseException e) throws SAXException {
                        throw e;
                    }

                    @Override
                    public void error(SAXParseException e) throws SAXException {
                        throw e;
                    }

                    @Override
                    public void fatalError(SAXParseException e) throws SAXException {
                        throw e;
                    }
                });
                schema = factory.newSchema(PublicSamples.path("elmo-v2.0.0/schema.xsd").toFile());
            } catch (SAXException | ParserConfigurationException e) {
                throw new IllegalStateException("The ELMO 2.0.0 schema does not compile offline", e);
            }
        }
        return schema;
    }

    /** Every error the schema finds in a document; empty when it validates. */
    public static List<String> errors(byte[] document) {
        List<String> errors = new ArrayList<>();
        Validator validator = schema().newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(document)));
        } catch (SAXException e) {
            errors.add(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return errors;
    }
}
