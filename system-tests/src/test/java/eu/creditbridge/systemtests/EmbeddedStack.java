package eu.creditbridge.systemtests;

import eu.creditbridge.localstack.LocalStack;
import eu.creditbridge.localstack.MachineAccountsFile;
import eu.creditbridge.localstack.StateLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The embedded stack — a real Kafka broker (KRaft), Apicurio Registry, the MongoDB wire protocol and the three
 * services as processes — started once per test run, on free ports and a fresh state folder under target/, and shared by
 * every test class. It stops when the test JVM exits.
 *
 * <p>Tests share the registry's demo data and keep out of each other's way by giving every learner a fresh id.
 */
final class EmbeddedStack {

    private static LocalStack stack;

    private EmbeddedStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            stack = LocalStack.builder()
                    .repoDir(Path.of(System.getProperty("creditbridge.repo", "..")).toAbsolutePath().normalize())
                    .stateDir(freshStateDir())
                    .randomPorts()
                    .partitions(3)
                    .demoData(true)
                    .stopOnJvmExit(true)
                    .log(line -> System.out.println("[stack] " + line))
                    .start();
        }
        return stack;
    }

    /** Under target/, so the processes' logs are still there to read after a failed run. */
    private static Path freshStateDir() {
        Path dir = Path.of("target", "embedded-stack").toAbsolutePath();
        try {
            if (Files.exists(dir)) {
                // A test JVM killed before its processes were tied to it (see LocalStack.Builder#stopOnJvmExit) left them.
                LocalStack.reapLeftovers(new StateLayout(dir));
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + dir, e);
        }
    }

    /** As the University of Lodz's student-information system, the issuer of most test credentials. */
    static JsonApi issuer() {
        return issuerAs(Credentials.LODZ);
    }

    /** As the given institution's student-information system, which issues, reads and revokes its credentials. */
    static JsonApi issuerAs(String schac) {
        return new JsonApi(get().issuer().url()).asMachine(MachineAccountsFile.systemOf(schac));
    }

    /** As the demo administrator, who reaches every institution; scoping tests sign in as a registrar instead. */
    static JsonApi recognition() {
        return new JsonApi(get().recognition().url()).as("admin", "demo");
    }

    /** Anonymous: reading the trust list is open to everyone. Writes sign in with {@link JsonApi#as}. */
    static JsonApi registry() {
        return new JsonApi(get().registry().url());
    }

    /** HTTP Basic for a machine account of the stack, for clients other than {@link JsonApi}. */
    static String machineBasic(String username) {
        return get().machineAccounts().basic(username);
    }

    /** Kafka clients signed in as the broker's bootstrap admin: the fixtures' view, every topic. */
    static ContractClients kafka() {
        return new ContractClients(get().kafkaAdminConfig(), get().schemaRegistryUrl());
    }

    /** Kafka clients signed in as a partner issuer's principal, created on first use: may write credentials only. */
    static ContractClients kafkaAsPartner(String schac) {
        return new ContractClients(get().addPartner(schac), get().schemaRegistryUrl());
    }
}
