/**
 * The security kit every service shares: who is who ({@link eu.creditbridge.security.Role},
 * {@link eu.creditbridge.security.Caller}), how callers are recognised (demo people, machine accounts, OpenID Connect
 * and bearer-token claims: {@link eu.creditbridge.security.ApiDoor}), path scopes for the filter chain
 * ({@link eu.creditbridge.security.Scopes}) and refusals as RFC 9457 problems. Who may do what stays with each service.
 */
package eu.creditbridge.security;
