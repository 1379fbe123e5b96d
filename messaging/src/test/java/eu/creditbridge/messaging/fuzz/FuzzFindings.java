package eu.creditbridge.messaging.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a fuzzed REST API must answer, whatever it is sent: never a 5xx, and every 4xx an RFC 9457 problem
 * ({@code application/problem+json}) with a {@code title} and a {@code detail}. Collects the answers that break this,
 * counts every answer by status, and fails with the first findings and how to replay them.
 */
public final class FuzzFindings {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 10;

    private final String api;
    private final long seed;
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final Map<String, String> findings = new LinkedHashMap<>();
    private int requests;

    public FuzzFindings(String api, long seed) {
        this.api = api;
        this.seed = seed;
    }

    /** Checks one answer; {@code request} says what was sent (kept short in the report). */
    public void check(String request, int status, String contentType, String body) {
        requests++;
        statuses.merge(status, 1, Integer::sum);
        String finding = finding(status, contentType, body);
        if (finding != null) {
            // One example per kind of finding: a thousand copies of one bug say no more than one.
            findings.putIfAbsent(status + " " + finding, "#" + requests + " " + abbreviate(request, 400)
                    + "\n      -> " + status + " " + contentType + " " + abbreviate(body, 400));
        }
    }

    /** A request that threw out of the server instead of being answered: a 500 in a real container. */
    public void failed(String request, Throwable failure) {
        check(request, 500, "(exception)", failure.toString());
    }

    public int requests() {
        return requests;
    }

    /** Prints the tally, and fails with the findings if there are any. */
    public void report() {
        System.out.println("Fuzzed " + api + ": " + requests + " requests (seed " + seed + "), answers by status "
                + statuses + ", " + findings.size() + " kinds of finding");
        if (!findings.isEmpty()) {
            List<String> shown = new ArrayList<>();
            findings.forEach((kind, example) -> {
                if (shown.size() < SHOWN) {
                    shown.add(kind + "\n    e.g. " + example);
                }
            });
            throw new AssertionError(api + ": " + findings.size() + " kinds of bad answer in " + requests
                    + " requests (seed " + seed + "):\n  " + String.join("\n  ", shown));
        }
    }

    private static String finding(int status, String contentType, String body) {
        if (status >= 500) {
            return "server error";
        }
        if (status < 400) {
            return null;
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "4xx without problem details (" + contentType + ")";
        }
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem.path("title").asText("").isBlank()) {
                return "problem without a title";
            }
            if (problem.path("detail").asText("").isBlank()) {
                return "problem without a detail: " + problem.path("title").asText();
            }
            return null;
        } catch (Exception e) {
            return "problem that is not JSON";
        }
    }

    private static String abbreviate(String text, int length) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= length ? oneLine : oneLine.substring(0, length) + "... (" + oneLine.length() + " chars)";
    }
}
