package eu.creditbridge.recognition.config;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * "mongo" in /actuator/health by {@code ping}. Boot's own indicator sends {@code hello}, which mongo-java-server
 * (the embedded default) does not know, so it would report a working database as DOWN; declaring a bean of the
 * same name makes Boot's back off. {@code ping} is answered by every MongoDB.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator implements HealthIndicator {

    private final MongoDatabase database;

    MongoPingHealthIndicator(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public Health health() {
        try {
            database.runCommand(new Document("ping", 1));
            return Health.up().withDetail("database", database.getName()).build();
        } catch (RuntimeException e) {
            return Health.down(e).withDetail("database", database.getName()).build();
        }
    }
}
