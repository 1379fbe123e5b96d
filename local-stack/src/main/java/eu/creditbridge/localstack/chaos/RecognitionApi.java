package eu.creditbridge.localstack.chaos;

import java.io.IOException;
import java.net.http.HttpResponse;

/** recognition-service's REST API as the receiving university's system calls it: a learner's record, as a registrar reads it. */
final class RecognitionApi {

    private final ServiceApi api;

    RecognitionApi(ServiceApi api) {
        this.api = api;
    }

    /** 200 with the record, 404 while the learner has none. Each call costs recognition a password hash. */
    HttpResponse<String> learnerRecord(String institution, String learnerId) throws IOException, InterruptedException {
        return api.get("/api/institutions/" + institution + "/learners/" + learnerId + "/record");
    }
}
