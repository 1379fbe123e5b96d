package eu.creditbridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class MongoWireServerTest {

    @Test
    void answersHelloOnAServiceDatabaseAsSpringBootsHealthCheckAsks() {
        try (MongoWireServer.InProcess server = MongoWireServer.inMemory();
                MongoClient client = MongoClients.create(server.uri())) {
            Document answer = client.getDatabase("creditbridge-issuer").runCommand(new Document("hello", 1));

            assertThat(answer.get("ok", Number.class).intValue()).isEqualTo(1);
        }
    }
}
