package eu.creditbridge.localstack.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * What opening the embedded store took and what it holds: written by the MongoDB wire server beside its file once it
 * listens, read by the launcher, which prints it with the start-up times.
 */
public record StoreOpened(Duration took, long documents, long fileBytes, StoreFormat.Migration migration) {

    public static final String FILE_NAME = "opened.properties";

    public String summary() {
        String opened = String.format(Locale.ROOT, "store opened in %.1f s: %,d documents, %.1f MB", took.toMillis() / 1000.0,
                documents, fileBytes / 1_000_000.0);
        if (!migration.happened()) {
            return opened;
        }
        return opened + String.format(Locale.ROOT, " (moved to the BSON format once: %d collections, %,d documents in %.1f s)",
                migration.collections(), migration.documents(), migration.took().toMillis() / 1000.0);
    }

    public void writeTo(Path file) {
        Properties properties = new Properties();
        properties.setProperty("tookMillis", Long.toString(took.toMillis()));
        properties.setProperty("documents", Long.toString(documents));
        properties.setProperty("fileBytes", Long.toString(fileBytes));
        properties.setProperty("migratedCollections", Integer.toString(migration.collections()));
        properties.setProperty("migratedDocuments", Long.toString(migration.documents()));
        properties.setProperty("migrationMillis", Long.toString(migration.took().toMillis()));
        try (var out = Files.newBufferedWriter(file)) {
            properties.store(out, "written by the MongoDB wire server when it opened its store");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report of the last open, if the server wrote one. */
    public static Optional<StoreOpened> readFrom(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.of(new StoreOpened(Duration.ofMillis(number(properties, "tookMillis")), number(properties, "documents"),
                number(properties, "fileBytes"), new StoreFormat.Migration((int) number(properties, "migratedCollections"),
                number(properties, "migratedDocuments"), Duration.ofMillis(number(properties, "migrationMillis")))));
    }

    private static long number(Properties properties, String name) {
        return Long.parseLong(properties.getProperty(name, "0"));
    }
}
