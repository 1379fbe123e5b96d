package eu.creditbridge.localstack;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Where the stack keeps its state: one folder ({@code .creditbridge/} for the CLI, a temporary one
 * in tests) holding data that survives restarts, logs and pid files.
 *
 * <pre>
 * state/
 *   stack.properties     ports and URLs of the running stack
 *   logs/&lt;name&gt;.log      output of each process
 *   run/&lt;name&gt;.pid       pid of each process
 *   kafka/               server.properties, log4j2.properties, data/ (the broker's log dir)
 *   apicurio/            the registry's H2 database files
 *   mongo/               the MongoDB wire server's H2 file
 * </pre>
 */
public record StateLayout(Path root) {

    public StateLayout {
        root = root.toAbsolutePath().normalize();
    }

    public static StateLayout temporary() {
        try {
            return new StateLayout(Files.createTempDirectory("creditbridge-stack-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path logsDir() {
        return root.resolve("logs");
    }

    public Path logFile(String name) {
        return logsDir().resolve(name + ".log");
    }

    public Path pidFile(String name) {
        return root.resolve("run").resolve(name + ".pid");
    }

    public Path dir(String component) {
        return root.resolve(component);
    }

    public Path stackFile() {
        return root.resolve("stack.properties");
    }

    /** Records the ports and URLs of the stack just started from this folder ({@link #stackFile()}), for stop and status. */
    public void record(Properties stack) {
        try {
            Files.createDirectories(root);
            try (Writer out = Files.newBufferedWriter(stackFile())) {
                stack.store(out, "CreditBridge local stack (written at start; read by stop/status)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the start of the stack now running from this folder recorded; fails, saying what to do, if none. */
    public Properties requireRecorded() {
        return recorded().orElseThrow(() -> new IllegalStateException(
                "no stack has been started from " + root + "; run `./creditbridge start` first"));
    }

    /** What a previous start recorded in this folder ({@link #stackFile()}), if anything. */
    public Optional<Properties> recorded() {
        if (!Files.isRegularFile(stackFile())) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(stackFile())) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(properties);
    }

    /**
     * Stops what an earlier run from this folder left running (see {@link LocalStack#reapLeftovers}) and deletes
     * everything in it: the fresh start of a run that owns its folder ({@code chaos}, {@code bench}). Returns what it stopped.
     */
    public List<String> reapAndEmpty() {
        List<String> reaped = LocalStack.reapLeftovers(this);
        if (Files.exists(root)) {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(root)).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot empty " + root, e);
            }
        }
        return reaped;
    }
}
