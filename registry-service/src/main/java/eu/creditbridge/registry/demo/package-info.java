/**
 * Demo registry seeded at start-up ({@code creditbridge.registry.demo-data=true}, empty store only):
 * real alliances and members from public lists, and one simple ruleset per institution, so the
 * local stack works end to end at once. See the module README for the examples it makes true.
 */
package eu.creditbridge.registry.demo;
