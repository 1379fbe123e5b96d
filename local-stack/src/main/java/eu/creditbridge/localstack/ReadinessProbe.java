package eu.creditbridge.localstack;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Answers "is the process ready yet?"; asked repeatedly while a process starts. */
@FunctionalInterface
public interface ReadinessProbe {

    boolean isReady();

    HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static ReadinessProbe tcp(int port) {
        return () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(LocalPorts.HOST, port), 1000);
                return true;
            } catch (IOException notYet) {
                return false;
            }
        };
    }

    static ReadinessProbe http(String url, Predicate<String> bodyCheck) {
        return () -> {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200 && bodyCheck.test(response.body());
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    /**
     * Ready when the MongoDB wire server answers a query on each of {@code databases}: listening is not enough, the
     * databases the services use must be open.
     */
    static ReadinessProbe mongo(String uri, List<String> databases) {
        return () -> {
            MongoClientSettings settings = MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                    .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(2, TimeUnit.SECONDS))
                    .applyToSocketSettings(socket -> socket.connectTimeout(2, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS))
                    .build();
            try (MongoClient client = MongoClients.create(settings)) {
                for (String database : databases) {
                    client.getDatabase(database).listCollectionNames().first();
                }
                return true;
            } catch (MongoException notYet) {
                return false;
            }
        };
    }

    default ReadinessProbe and(ReadinessProbe next) {
        return () -> isReady() && next.isReady();
    }
}
