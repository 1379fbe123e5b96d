package eu.creditbridge.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the things the stack runs come from. The local-stack build puts them under its target
 * folder: {@code target/lib} (Kafka and mongo-java-server with their dependencies, copied by
 * maven-dependency-plugin) and {@code target/apicurio} (the unpacked Apicurio distribution). The
 * services' runnable jars are {@code <repo>/<service>/target/<service>-0.1.0-SNAPSHOT-exec.jar}.
 *
 * <p>System properties {@code creditbridge.repo}, {@code creditbridge.localstack.lib} and
 * {@code creditbridge.localstack.apicurio} override the defaults.
 */
public record StackArtifacts(Path repoDir, Path libDir, Path apicurioDir) {

    public static final String VERSION = "0.1.0-SNAPSHOT";

    public StackArtifacts {
        repoDir = repoDir.toAbsolutePath().normalize();
        libDir = libDir.toAbsolutePath().normalize();
        apicurioDir = apicurioDir.toAbsolutePath().normalize();
    }

    public static StackArtifacts inRepo(Path repoDir) {
        Path target = repoDir.resolve("local-stack").resolve("target");
        return new StackArtifacts(repoDir,
                Path.of(System.getProperty("creditbridge.localstack.lib", target.resolve("lib").toString())),
                Path.of(System.getProperty("creditbridge.localstack.apicurio", target.resolve("apicurio").toString())));
    }

    /** From {@code -Dcreditbridge.repo}, else the nearest folder upwards from the working directory holding local-stack/. */
    public static StackArtifacts locate() {
        String configured = System.getProperty("creditbridge.repo");
        if (configured != null) {
            return inRepo(Path.of(configured));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("local-stack")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return inRepo(dir);
            }
        }
        throw new IllegalStateException("Cannot find the CreditBridge repository above " + Path.of("").toAbsolutePath()
                + "; pass -Dcreditbridge.repo=<dir>");
    }

    /** Classpath for the Kafka broker and the Mongo wire server: our own classes plus target/lib. */
    public String processClasspath() {
        requireBuilt(libDir, "kafka_2.13-", "the Kafka jars");
        return ownClasses() + File.pathSeparator + libDir.resolve("*");
    }

    public Path apicurioRunnerJar() {
        requireBuilt(apicurioDir, "apicurio-registry-app-", "the Apicurio Registry distribution");
        try (Stream<Path> files = Files.list(apicurioDir)) {
            return files.filter(f -> f.getFileName().toString().endsWith("-runner.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No *-runner.jar in " + apicurioDir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path serviceJar(String service) {
        return repoDir.resolve(service).resolve("target").resolve(service + "-" + VERSION + "-exec.jar");
    }

    public Optional<Path> existingServiceJar(String service) {
        Path jar = serviceJar(service);
        return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
    }

    private static void requireBuilt(Path dir, String filePrefix, String what) {
        boolean present;
        try (Stream<Path> files = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            present = files.anyMatch(f -> f.getFileName().toString().startsWith(filePrefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!present) {
            throw new IllegalStateException(what + " are missing from " + dir
                    + ". Build them with `./mvnw -pl local-stack -am -DskipTests package` (or `./creditbridge start`, which does it).");
        }
    }

    /** The jar or classes folder this class was loaded from (works from the reactor, ~/.m2 and the CLI). */
    static String ownClasses() {
        try {
            return Path.of(StackArtifacts.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
