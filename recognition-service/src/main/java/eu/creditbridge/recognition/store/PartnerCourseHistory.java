package eu.creditbridge.recognition.store;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.nin;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import eu.creditbridge.recognition.application.PartnerCourses;
import eu.creditbridge.recognition.domain.Credential;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;

/**
 * Partner courses a learner already holds from one issuer, read from the decisions' credential snapshots: what an
 * n:1 equivalence needs to see that the last part has arrived. Rejected and withdrawn credentials do not count.
 */
public class PartnerCourseHistory implements PartnerCourses {

    private final MongoCollection<Document> decisions;

    public PartnerCourseHistory(MongoDatabase database) {
        this.decisions = database.getCollection("decisions");
    }

    @Override
    public Set<String> coursesHeld(Credential credential) {
        Set<String> codes = new TreeSet<>();
        decisions.find(and(eq("learnerId", credential.learner().value()),
                        eq("receivingInstitution", credential.receivingInstitution().value()),
                        eq("issuingInstitution", credential.issuingInstitution().value()),
                        nin("outcome", "REJECTED", "WITHDRAWN")))
                .forEach(d -> {
                    Document snapshot = d.get(CredentialSnapshots.FIELD, Document.class);
                    if (snapshot != null && snapshot.getString("sourceCourseCode") != null
                            && !credential.credentialId().toString().equals(snapshot.getString("credentialId"))) {
                        codes.add(snapshot.getString("sourceCourseCode"));
                    }
                });
        return codes;
    }
}
