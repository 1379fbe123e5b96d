package eu.creditbridge.issuer.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;

/**
 * The answer to a batch: per credential, in the request's order, its id and where to read it (201 issued, 200 the
 * repeat of an earlier identical request), or the RFC 9457 problem the single POST would have answered; and the counts.
 */
public record CredentialBatchResponse(int issued, int alreadyIssued, int refused, List<Item> items) {

    /**
     * @param index        the credential's position: in the array, or among the non-empty lines of NDJSON (from 0)
     * @param credentialId as issued, or as the refused item named it
     * @param problem      for a refused credential: type, title, status, detail and, for bad fields, errors
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, String credentialId, int status, String location, Map<String, Object> problem) {

        static Item accepted(int index, String credentialId, int status) {
            return new Item(index, credentialId, status, "/api/credentials/" + credentialId, null);
        }

        static Item refused(int index, String credentialId, ProblemDetail problem) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("type", problem.getType().toString());
            body.put("title", problem.getTitle());
            body.put("status", problem.getStatus());
            body.put("detail", problem.getDetail());
            if (problem.getProperties() != null) {
                body.putAll(problem.getProperties());
            }
            return new Item(index, credentialId, problem.getStatus(), null, body);
        }
    }

    static CredentialBatchResponse of(List<Item> items) {
        int issued = (int) items.stream().filter(item -> item.status() == 201).count();
        int alreadyIssued = (int) items.stream().filter(item -> item.status() == 200).count();
        return new CredentialBatchResponse(issued, alreadyIssued, items.size() - issued - alreadyIssued, items);
    }
}
