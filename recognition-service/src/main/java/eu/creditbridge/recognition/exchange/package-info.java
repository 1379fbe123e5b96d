/**
 * The documents universities already exchange, read and written at the edge: EWP Online Learning Agreements and
 * ELMO transcripts in, the learner record as ELMO 2.0 with {@code resultOfRecognition} out. Untrusted XML is parsed
 * only through {@link eu.creditbridge.recognition.exchange.UntrustedXml} (size first, no DOCTYPE, no external
 * entities); everything here translates to and from the domain and decides nothing.
 */
package eu.creditbridge.recognition.exchange;
