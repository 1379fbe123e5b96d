/**
 * The registry's use cases, each named as the act it performs, and the ports (stores, feed) they
 * need from the adapters. Every change is stored with a pending-publication mark in the same
 * document; {@link eu.creditbridge.registry.application.RelayingRegistryChanges} publishes it later.
 */
package eu.creditbridge.registry.application;
