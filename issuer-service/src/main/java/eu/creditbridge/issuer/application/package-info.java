/**
 * The issuer's use cases, named as the acts they perform, and the ports they need
 * ({@link eu.creditbridge.issuer.application.CredentialStore}, {@link eu.creditbridge.issuer.application.DecisionStore},
 * {@link eu.creditbridge.issuer.application.EventPublisher}). No framework code: adapters and
 * configuration wire them.
 */
package eu.creditbridge.issuer.application;
