/**
 * The registry's use cases, each named as the act it performs, and the ports (stores) they
 * need from the adapters. Every change is stored with a pending-publication mark in the same
 * document; {@link eu.creditbridge.registry.application.RegistryOutbox} is what the house's relay publishes it from later.
 */
package eu.creditbridge.registry.application;
