/**
 * The issuer's use cases, named as the acts they perform, and the ports they need
 * ({@link eu.creditbridge.issuer.application.CredentialStore}, {@link eu.creditbridge.issuer.application.DecisionStore},
 * {@link eu.creditbridge.issuer.application.CredentialOutbox}, the credentials' outbox as the shared relay sees it).
 * No framework code: adapters and
 * configuration wire them.
 */
package eu.creditbridge.issuer.application;
