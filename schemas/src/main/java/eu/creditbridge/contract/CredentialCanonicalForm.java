package eu.creditbridge.contract;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bytes a credential's signature covers: a documented JSON projection of {@link CredentialIssued} (every
 * element except {@code signature}), serialised by the JSON Canonicalization Scheme (RFC 8785).
 *
 * <p>The projection is written out field by field here, not derived from the Avro schema, so the same
 * credential gives the same bytes whichever schema version the issuer wrote and the reader reads with:
 * <ul>
 *   <li>member names are the Avro field names; members are sorted by UTF-16 code units (RFC 8785 §3.2.3);</li>
 *   <li>absent optional elements (Avro null) are <em>omitted</em>, so a field added later as an optional does not
 *       change the form of credentials that do not use it;</li>
 *   <li>{@code credentialId} is the lower-case UUID string; {@code issuedOn} an ISO 8601 date string
 *       ({@code 2025-06-27}); {@code ectsCredits} a decimal string with exactly two decimals ({@code "6.00"}),
 *       so no floating-point number ever appears; {@code notionalHours}, {@code eqfLevel} are JSON integers;
 *       enums are their symbol names; booleans are JSON booleans;</li>
 *   <li>arrays keep their order (the first awarding body is the issuer, outcomes are listed as issued);</li>
 *   <li>strings are escaped as RFC 8785 prescribes (only {@code "}, {@code \}, and control characters; all other
 *       characters literal) and the result is encoded in UTF-8, without a byte-order mark or whitespace.</li>
 * </ul>
 * An issuer in another language builds the same object and runs any RFC 8785 implementation over it.
 */
public final class CredentialCanonicalForm {

    private CredentialCanonicalForm() {
    }

    /** The canonical JSON text of the credential. */
    public static String json(CredentialIssued credential) {
        StringBuilder out = new StringBuilder(1024);
        write(projection(credential), out);
        return out.toString();
    }

    /** The canonical form as UTF-8 bytes: the JWS payload the signature is computed over. */
    public static byte[] bytes(CredentialIssued credential) {
        return json(credential).getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 8785 serialisation of a projection value (maps, lists, strings, integers, booleans). */
    static String serialise(Object value) {
        StringBuilder out = new StringBuilder(1024);
        write(value, out);
        return out.toString();
    }

    /** The documented projection, as nested maps, lists, strings, integers and booleans. */
    static Map<String, Object> projection(CredentialIssued c) {
        Map<String, Object> json = new TreeMap<>();
        json.put("credentialId", c.getCredentialId().toString().toLowerCase(java.util.Locale.ROOT));
        json.put("issuingInstitution", c.getIssuingInstitution());
        Map<String, Object> learner = new TreeMap<>();
        learner.put("europeanStudentIdentifier", c.getLearner().getEuropeanStudentIdentifier());
        learner.put("homeInstitution", c.getLearner().getHomeInstitution());
        putIfPresent(learner, "fullName", c.getLearner().getFullName());
        json.put("learner", learner);
        json.put("title", c.getTitle());
        putIfPresent(json, "sourceCourseCode", c.getSourceCourseCode());
        json.put("issuerCountries", new ArrayList<Object>(c.getIssuerCountries()));
        List<Object> bodies = new ArrayList<>();
        for (AwardingBody body : c.getAwardingBodies()) {
            Map<String, Object> b = new TreeMap<>();
            b.put("schacCode", body.getSchacCode());
            b.put("name", body.getName());
            bodies.add(b);
        }
        json.put("awardingBodies", bodies);
        json.put("issuedOn", c.getIssuedOn().toString());
        List<Object> outcomes = new ArrayList<>();
        for (LearningOutcome outcome : c.getLearningOutcomes()) {
            Map<String, Object> o = new TreeMap<>();
            o.put("description", outcome.getDescription());
            putIfPresent(o, "escoSkill", outcome.getEscoSkill());
            outcomes.add(o);
        }
        json.put("learningOutcomes", outcomes);
        json.put("ectsCredits", decimal(c.getEctsCredits()));
        putIfPresent(json, "notionalHours", c.getNotionalHours());
        putIfPresent(json, "eqfLevel", c.getEqfLevel());
        putIfPresent(json, "qfEheaCycle", c.getQfEheaCycle() == null ? null : c.getQfEheaCycle().name());
        putIfPresent(json, "iscedFieldCode", c.getIscedFieldCode());
        json.put("assessmentType", c.getAssessmentType().name());
        json.put("participationForm", c.getParticipationForm().name());
        json.put("qualityAssurance", c.getQualityAssurance().name());
        putIfPresent(json, "prerequisites", c.getPrerequisites());
        putIfPresent(json, "identityVerification", c.getIdentityVerification() == null ? null : c.getIdentityVerification().name());
        if (c.getGrade() != null) {
            Map<String, Object> g = new TreeMap<>();
            g.put("value", c.getGrade().getValue());
            g.put("scheme", c.getGrade().getScheme());
            g.put("passed", c.getGrade().getPassed());
            json.put("grade", g);
        }
        if (c.getStackability() != null) {
            Map<String, Object> s = new TreeMap<>();
            s.put("standAlone", c.getStackability().getStandAlone());
            putIfPresent(s, "stackableTowards", c.getStackability().getStackableTowards());
            json.put("stackability", s);
        }
        putIfPresent(json, "furtherInformation", c.getFurtherInformation());
        return json;
    }

    private static void putIfPresent(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }

    /** Two decimals always: 6, 6.0 and 6.00 are one workload and must be one signature input. */
    private static String decimal(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    @SuppressWarnings("unchecked")
    private static void write(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> map) {
            // TreeMap over String keys orders by UTF-16 code units, which is RFC 8785's member order.
            Map<String, Object> sorted = map instanceof TreeMap<?, ?> ? (Map<String, Object>) map : new TreeMap<>((Map<String, Object>) map);
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> member : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(member.getKey(), out);
                out.append(':');
                write(member.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof CharSequence text) {
            string(text.toString(), out);
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Boolean flag) {
            out.append(flag.booleanValue());
        } else {
            throw new IllegalArgumentException("no canonical JSON form for " + (value == null ? "null" : value.getClass().getName()));
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        out.append('"');
    }
}
