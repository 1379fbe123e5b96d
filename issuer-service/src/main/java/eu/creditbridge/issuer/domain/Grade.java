package eu.creditbridge.issuer.domain;

import java.util.regex.Pattern;

/**
 * A grade exactly as its grading scheme writes it ({@code 4.5} in {@code pl-2-5}), and whether it
 * passes. Kept verbatim: conversion happens at the receiving institution and never overwrites it.
 */
public record Grade(String value, String scheme, boolean passed) {

    /** Scheme ids as the registry lists them: lower-case words joined by '-', e.g. 'nl-1-10', 'ects-a-f'. */
    private static final Pattern SCHEME = Pattern.compile("[a-z0-9]+([-.][a-z0-9]+)*");

    public Grade {
        if (value == null || value.isBlank() || value.length() > 20) {
            throw new InvalidValueException("value", "must be the grade as written in its scheme, 1 to 20 characters, e.g. '4.5'");
        }
        value = value.strip();
        if (scheme == null || !SCHEME.matcher(scheme).matches() || scheme.length() > 40) {
            throw new InvalidValueException("scheme", "must name a grading scheme such as 'pl-2-5', 'nl-1-10' or 'pass-fail'");
        }
    }
}
