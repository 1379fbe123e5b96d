package eu.creditbridge.issuer.web.transcript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import eu.creditbridge.issuer.IssuerSpringTest;
import eu.creditbridge.issuer.Samples;
import eu.creditbridge.issuer.TestAccounts;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcPrint;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Damaged documents, generated from the public samples by a seeded mutator ({@code -Dcreditbridge.fuzz.seed=...}
 * replays a run, {@code -Dcreditbridge.fuzz.requests=...} makes it longer): cut short, bytes flipped, elements
 * repeated or dropped, values swapped for odd ones. Every answer is a 200 with a result per learning opportunity or a
 * 4xx problem, never a 5xx.
 */
@IssuerSpringTest
// Hundreds of exchanges: MockMvc's print-on-failure would copy every one of them to the log.
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
class TranscriptApiFuzzTest {

    private static final long SEED = Long.getLong("creditbridge.fuzz.seed", 20_261_207L);
    private static final int REQUESTS = Integer.getInteger("creditbridge.fuzz.requests", 200);
    private static final List<String> ODD_VALUES = List.of("", " ", "-1", "0", "7,5", "1e400", "NaN", "\u0000",
            "9999-99-99", "2015-13-45T25:61", "urn:schac:personalUniqueCode:int:esi:", "ects", "&amp;", "<![CDATA[x]]>",
            "x".repeat(5000), "Degree Programme", "failed");

    @Autowired
    MockMvc http;

    @Test
    void damagedDocumentsAreAnsweredWithResultsOrProblemsNeverAServerError() throws Exception {
        var random = new Random(SEED);
        var sources = List.of(
                new String(Samples.bytes("elmo-v2.0.0/example.xml"), StandardCharsets.UTF_8),
                new String(Samples.bytes("ewp/tors-get-response-example.xml"), StandardCharsets.UTF_8),
                new String(Samples.bytes("europass/Sample-MC-Annex1-unsigned.jsonld"), StandardCharsets.UTF_8));
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < REQUESTS; i++) {
            int which = random.nextInt(sources.size());
            String document = mutate(sources.get(which), random);
            var type = which == 2 ? MediaType.parseMediaType("application/ld+json") : MediaType.APPLICATION_XML;
            var answer = http.perform(post("/api/transcripts?homeInstitution=eur.nl&assessmentType=WRITTEN_EXAM"
                            + "&participationForm=ON_SITE&qualityAssurance=INTERNAL_INSTITUTIONAL&issuingInstitution=uw.edu.pl"
                            + "&learnerId=urn:schac:personalUniqueCode:int:esi:eur.nl:" + (800_000 + i))
                    .with(TestAccounts.as(TestAccounts.WARSAW_SYSTEM)).contentType(type)
                    .content(document.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
            statuses.merge(answer.getStatus(), 1, Integer::sum);
            assertThat(answer.getStatus()).as("seed %d, request %d:\n%s\nanswered %s", SEED, i,
                    document.length() > 2000 ? document.substring(0, 2000) + "…" : document,
                    answer.getContentAsString(StandardCharsets.UTF_8)).isLessThan(500);
            if (answer.getStatus() >= 400) {
                assertThat(answer.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            }
        }
        // Both kinds of answer were reached: some damage still imports, some is refused.
        assertThat(statuses).as("answers by status").containsKeys(200, 400);
    }

    /** One to three damages of one kind or another, at random places. */
    private static String mutate(String document, Random random) {
        String text = document;
        int damages = 1 + random.nextInt(3);
        for (int d = 0; d < damages; d++) {
            int at = random.nextInt(Math.max(1, text.length()));
            switch (random.nextInt(6)) {
                case 0 -> text = text.substring(0, at);
                case 1 -> text = text.substring(0, at) + (char) (32 + random.nextInt(95)) + text.substring(Math.min(text.length(), at + 1));
                case 2 -> {
                    int end = Math.min(text.length(), at + random.nextInt(400));
                    text = text.substring(0, at) + text.substring(at, end) + text.substring(at);
                }
                case 3 -> {
                    int end = Math.min(text.length(), at + random.nextInt(400));
                    text = text.substring(0, at) + text.substring(end);
                }
                case 4 -> {
                    // A value between '>' and '<' (XML) or between quotes (JSON) swapped for an odd one.
                    int open = text.indexOf(document.startsWith("{") ? ": \"" : ">", at);
                    int close = open < 0 ? -1 : text.indexOf(document.startsWith("{") ? "\"" : "<", open + 3);
                    if (close > open) {
                        String odd = ODD_VALUES.get(random.nextInt(ODD_VALUES.size()));
                        text = text.substring(0, open + (document.startsWith("{") ? 3 : 1)) + odd + text.substring(close);
                    }
                }
                default -> text = text.replace("schac", random.nextBoolean() ? "SCHAC" : "esi");
            }
        }
        return text;
    }
}
