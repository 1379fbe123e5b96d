package eu.creditbridge.issuer.domain;

/**
 * Field of study as an ISCED-F 2013 code: two digits for a broad field, three for a narrow one,
 * four for a detailed one, e.g. {@code 0613} (software and applications development).
 */
public record IscedFieldCode(String value) {

    public IscedFieldCode {
        if (value == null || !value.matches("[0-9]{2,4}")) {
            throw new InvalidValueException("must be an ISCED-F 2013 code of 2 to 4 digits, e.g. '0613'");
        }
    }
}
