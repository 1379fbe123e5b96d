package eu.creditbridge.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
}
