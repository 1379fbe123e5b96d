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

    @Test
    void theStoreGetsThreeGibibytesTwoOfThemYoungWhereTheMachineHasRoom() {
        assertThat(MongoWireServer.heapOptions(false, 24L << 30)).containsExactly("-XX:+UseParallelGC", "-Xms3072m", "-Xmx3072m", "-Xmn2048m");
        assertThat(MongoWireServer.heapOptions(true, 24L << 30)).containsExactly("-XX:+UseParallelGC", "-Xms10240m", "-Xmx10240m", "-Xmn2048m",
                "-XX:MaxTenuringThreshold=1", "-XX:+AlwaysPreTouch");
    }

    @Test
    void onASmallerMachineTheStoreTakesAQuarterOfItsMemoryAndNeverLessThanHalfAGibibyte() {
        assertThat(MongoWireServer.heapOptions(false, 8L << 30)).containsExactly("-XX:+UseParallelGC", "-Xms2048m", "-Xmx2048m", "-Xmn1365m");
        assertThat(MongoWireServer.heapOptions(true, 8L << 30)).containsExactly("-XX:+UseParallelGC", "-Xms4096m", "-Xmx4096m", "-Xmn2048m",
                "-XX:MaxTenuringThreshold=1", "-XX:+AlwaysPreTouch");
        assertThat(MongoWireServer.heapOptions(false, 1L << 30)).containsExactly("-XX:+UseParallelGC", "-Xms512m", "-Xmx512m", "-Xmn341m");
    }
}
