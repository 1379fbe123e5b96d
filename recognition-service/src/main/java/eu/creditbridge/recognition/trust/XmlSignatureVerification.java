package eu.creditbridge.recognition.trust;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.Institution;
import eu.creditbridge.recognition.domain.IssuerSigningKey;
import eu.creditbridge.recognition.domain.SignatureVerdict;
import eu.creditbridge.recognition.domain.SignatureVerdict.Status;
import eu.creditbridge.recognition.domain.SignatureVerification;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.xml.security.Init;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.Reference;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.utils.Constants;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The verdict on an ELMO document's enveloped XML signature (EMREX: one {@code ds:Signature} under the root, one
 * reference to the whole document), checked with Apache Santuario under its secure validation (no weak algorithms,
 * bounded transforms). Only a key the registry lists for the result's issuer makes it VALID (and then, as for a JWS,
 * only for issue dates the key signs for and before any reported compromise). A signature that is intact under the
 * key it carries itself but under no listed key is UNKNOWN_KEY ("intact, unknown signer"); one that fits no key is
 * INVALID_SIGNATURE; no signature is UNSIGNED. Nothing but VALID is recognised automatically.
 *
 * <p>The document must be the signed ELMO alone (its root the {@code elmo} element), so that the reference to the
 * whole document means that ELMO and nothing wrapped around it.
 */
public final class XmlSignatureVerification implements SignatureVerification {

    static {
        Init.init();
    }

    /** Ed25519 SubjectPublicKeyInfo up to the 32 key bytes (RFC 8410): how a JWK's x becomes a Java key. */
    private static final byte[] ED25519_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final Optional<Element> signature;
    private final Optional<SignatureVerdict> problem;
    private final Optional<PublicKey> carriedKey;
    private final Map<String, Boolean> fitsListedKey = new HashMap<>();
    private Boolean fitsCarriedKey;

    private XmlSignatureVerification(Optional<Element> signature, Optional<SignatureVerdict> problem, Optional<PublicKey> carriedKey) {
        this.signature = signature;
        this.problem = problem;
        this.carriedKey = carriedKey;
    }

    /** @param elmo the root element of a document holding the ELMO alone */
    public static XmlSignatureVerification of(Element elmo) {
        Element found = null;
        for (Node child = elmo.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && Constants.SignatureSpecNS.equals(element.getNamespaceURI())
                    && "Signature".equals(element.getLocalName())) {
                found = element;
            }
        }
        if (found == null) {
            return problem(SignatureVerdict.of(Status.UNSIGNED, "The ELMO document carries no XML signature."));
        }
        try {
            XMLSignature signature = new XMLSignature(found, "", true);
            if (signature.getSignedInfo().getLength() != 1) {
                return problem(SignatureVerdict.of(Status.MALFORMED, "The XML signature has " + signature.getSignedInfo().getLength()
                        + " references; an ELMO signature has one, to the whole document."));
            }
            Reference reference = signature.getSignedInfo().item(0);
            if (!"".equals(reference.getURI())) {
                return problem(SignatureVerdict.of(Status.MALFORMED, "The XML signature references '" + reference.getURI()
                        + "' rather than the whole document, so it does not vouch for every result in it."));
            }
            KeyInfo keyInfo = signature.getKeyInfo();
            Optional<PublicKey> carried = Optional.empty();
            if (keyInfo != null) {
                try {
                    carried = Optional.ofNullable(keyInfo.getPublicKey());
                } catch (XMLSecurityException e) {
                    carried = Optional.empty();
                }
            }
            return new XmlSignatureVerification(Optional.of(found), Optional.empty(), carried);
        } catch (XMLSecurityException | RuntimeException e) {
            return problem(SignatureVerdict.of(Status.MALFORMED, "The XML signature cannot be read: " + e.getMessage()));
        }
    }

    private static XmlSignatureVerification problem(SignatureVerdict verdict) {
        return new XmlSignatureVerification(Optional.empty(), Optional.of(verdict), Optional.empty());
    }

    @Override
    public synchronized SignatureVerdict verify(Credential credential, Optional<Institution> issuer) {
        if (problem.isPresent()) {
            return problem.get();
        }
        if (issuer.isEmpty()) {
            return SignatureVerdict.of(Status.UNKNOWN_KEY, "The registry does not list the issuing institution "
                    + credential.issuingInstitution() + ", so no key of its can vouch for the document.");
        }
        for (IssuerSigningKey key : issuer.get().signingKeys()) {
            boolean fits = fitsListedKey.computeIfAbsent(key.keyId(), id -> fits(ed25519(key)));
            if (fits) {
                return JwsSignatureVerification.verdictForFittingKey(credential, key);
            }
        }
        if (fitsCarriedKey == null) {
            fitsCarriedKey = carriedKey.map(this::fits).orElse(false);
        }
        if (fitsCarriedKey) {
            return SignatureVerdict.of(Status.UNKNOWN_KEY, "The document is intact under the key it carries, but that key is not one the"
                    + " registry lists for " + credential.issuingInstitution() + ": the signer is unknown.");
        }
        return SignatureVerdict.of(Status.INVALID_SIGNATURE, "The XML signature fits no key the registry lists for "
                + credential.issuingInstitution() + (carriedKey.isPresent() ? " nor the key it carries" : "")
                + ": the document was changed after it was signed, or the signature is not the issuer's.");
    }

    private boolean fits(Optional<PublicKey> key) {
        return key.map(this::fits).orElse(false);
    }

    private boolean fits(PublicKey key) {
        try {
            // A fresh reading per key: a check that failed on a key of another type leaves Santuario's object unusable.
            return new XMLSignature(signature.orElseThrow(), "", true).checkSignatureValue(key);
        } catch (XMLSecurityException | RuntimeException e) {
            // A key of another type than the signature's algorithm, or a reference that cannot be resolved: no fit.
            return false;
        }
    }

    /** The registry's keys are Ed25519 JWKs (RFC 8037); any other key cannot have made an Ed25519 XML signature. */
    static Optional<PublicKey> ed25519(IssuerSigningKey key) {
        try {
            OctetKeyPair jwk = OctetKeyPair.parse(key.publicKey());
            if (!Curve.Ed25519.equals(jwk.getCurve())) {
                return Optional.empty();
            }
            byte[] x = jwk.getDecodedX();
            byte[] encoded = new byte[ED25519_PREFIX.length + x.length];
            System.arraycopy(ED25519_PREFIX, 0, encoded, 0, ED25519_PREFIX.length);
            System.arraycopy(x, 0, encoded, ED25519_PREFIX.length, x.length);
            return Optional.of(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded)));
        } catch (java.text.ParseException | GeneralSecurityException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
