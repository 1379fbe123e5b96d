package eu.creditbridge.issuer.web;

/** Body of a revocation: why, in words a registrar at the receiving institution can act on. */
public record RevocationRequest(String reason) {
}
