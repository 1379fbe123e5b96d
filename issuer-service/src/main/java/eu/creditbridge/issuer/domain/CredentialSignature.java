package eu.creditbridge.issuer.domain;

/**
 * The signature a credential was issued with.
 *
 * @param keyId the {@code kid} of the institution's signing key, as the registry lists it
 * @param jws   detached JWS, compact serialisation with an empty payload part ({@code header..signature})
 */
public record CredentialSignature(String keyId, String jws) {

    public CredentialSignature {
        InvalidValueException.required(keyId, "the signing key id");
        InvalidValueException.required(jws, "the JWS");
        if (!jws.contains("..")) {
            throw new IllegalArgumentException("a detached JWS has an empty payload part (header..signature)");
        }
    }
}
