/** The credential and learner in every log line written about them: {@link eu.creditbridge.messaging.logging.CredentialLogContext}. */
package eu.creditbridge.messaging.logging;
