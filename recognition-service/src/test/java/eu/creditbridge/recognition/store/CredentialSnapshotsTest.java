package eu.creditbridge.recognition.store;

import static org.assertj.core.api.Assertions.assertThat;

import eu.creditbridge.recognition.Fixtures;
import eu.creditbridge.recognition.domain.Credential;
import eu.creditbridge.recognition.domain.MicroCredentialElements;
import java.util.Optional;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class CredentialSnapshotsTest {

    @Test
    void snapshotKeepsTheElementsRulesLookAtSoAReevaluationDecidesOnTheSameFacts() {
        Credential credential = Fixtures.dataScienceFromRotterdam().withElements(new MicroCredentialElements(
                Optional.of("WRITTEN_EXAM"), Optional.of("SUPERVISED_ON_SITE_WITH_IDENTITY_CHECK"),
                Optional.of("EXTERNAL_EQAR_AGENCY"), Optional.of("ON_SITE"), Optional.of("0613")));

        Document decision = new Document(CredentialSnapshots.FIELD, CredentialSnapshots.document(credential));

        assertThat(CredentialSnapshots.credential(decision)).contains(credential);
    }

    @Test
    void snapshotStoredBeforeElementsWereKeptReadsAsStatingNone() {
        Document stored = CredentialSnapshots.document(Fixtures.dataScienceFromRotterdam());
        stored.remove("elements");

        Credential read = CredentialSnapshots.credential(new Document(CredentialSnapshots.FIELD, stored)).orElseThrow();

        assertThat(read.elements()).isEqualTo(MicroCredentialElements.NONE);
    }
}
