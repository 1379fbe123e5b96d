/**
 * MongoDB adapters, through the official driver. One document per institution, alliance and
 * ruleset version; each carries its own outbox mark, because single-document writes are the only
 * atomic ones available (mongo-java-server has no multi-document transactions).
 */
package eu.creditbridge.registry.store;
