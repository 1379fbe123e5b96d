package eu.creditbridge.recognition.exchange;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import eu.creditbridge.recognition.domain.IssuerSigningKey;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.Init;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Signs ELMO documents the way an EMREX contact point does (enveloped, whole document), with keys made for a test. */
public final class ElmoSigner {

    static {
        Init.init();
    }

    private ElmoSigner() {
    }

    public static KeyPair ed25519() {
        return keyPair("Ed25519");
    }

    public static KeyPair rsa() {
        return keyPair("RSA");
    }

    private static KeyPair keyPair(String algorithm) {
        try {
            return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key as the registry lists it: an Ed25519 JWK, valid from the given day. */
    public static IssuerSigningKey listed(String keyId, KeyPair pair, LocalDate validFrom) {
        byte[] encoded = pair.getPublic().getEncoded();
        byte[] x = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
        String jwk = new OctetKeyPair.Builder(Curve.Ed25519, Base64URL.encode(x)).keyID(keyId).build().toJSONString();
        return new IssuerSigningKey(keyId, "EdDSA", jwk, validFrom, Optional.empty());
    }

    /** The document signed with the key pair (Ed25519 or RSA-SHA256), the public key in KeyInfo when {@code carryKey}. */
    public static byte[] sign(byte[] elmo, KeyPair pair, boolean carryKey) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(elmo));
            String algorithm = pair.getPrivate().getAlgorithm().equals("RSA") ? XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256
                    : XMLSignature.ALGO_ID_SIGNATURE_EDDSA_ED25519;
            XMLSignature signature = new XMLSignature(document, "", algorithm);
            Element root = document.getDocumentElement();
            root.appendChild(signature.getElement());
            Transforms transforms = new Transforms(document);
            transforms.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            transforms.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            signature.addDocument("", transforms, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
            if (carryKey) {
                signature.addKeyInfo(pair.getPublic());
            }
            signature.sign(pair.getPrivate());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("could not sign the test document", e);
        }
    }
}
