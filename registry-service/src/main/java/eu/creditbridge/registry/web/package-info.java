/** REST edge of the registry: JSON requests and views, and one advice turning refusals into RFC 9457 problems. */
package eu.creditbridge.registry.web;
