package eu.creditbridge.localstack.broker;

import eu.creditbridge.localstack.CommandOptions;
import eu.creditbridge.localstack.StateLayout;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code ./creditbridge partner add <schac>}: what an alliance admin does for a partner issuer in the embedded default
 * — creates its broker principal {@code partner-<schac>} (SCRAM-SHA-512, a new random password kept in the state
 * folder), gives it its one right (writing {@code creditbridge.credentials}) on the running broker, and prints the
 * client settings the partner puts into its Kafka client. Running it again prints the same settings.
 */
public final class PartnerCommand {

    public static final String USAGE = "partner add <schac> [--produce-kb-per-second N]";

    private PartnerCommand() {
    }

    public static int run(Path stateDir, List<String> args, Consumer<String> out) {
        if (args.size() < 2 || !args.get(0).equals("add")) {
            throw new IllegalArgumentException("usage: " + USAGE);
        }
        String schac = args.get(1);
        CommandOptions options = new CommandOptions(args.subList(2, args.size()), USAGE);
        Optional<Integer> produceKb = options.number("--produce-kb-per-second");
        options.requireAllRead();
        StateLayout state = new StateLayout(stateDir);
        Map<String, Object> config = add(state, schac);
        out.accept("Broker principal " + BrokerPrincipals.partnerOf(schac) + " may now:");
        BrokerAccess.describe(BrokerPrincipals.partnerOf(schac)).forEach(line -> out.accept("  " + line));
        produceKb.ifPresent(kb -> {
            limitProduceRate(state, schac, kb * 1024L);
            out.accept(kb > 0 ? String.format("  produce at most %,d KB/s (the broker slows it down beyond that)", kb)
                    : "  produce without a rate limit");
        });
        out.accept("Its Kafka client settings (password kept in " + BrokerPrincipals.location(state) + "; hand it over "
                + "privately):");
        config.forEach((key, value) -> out.accept("  " + key + "=" + value));
        out.accept("The schema registry needs no sign-in for reading (" + state.requireRecorded().getProperty("schema-registry.url")
                + "); the partner's signing key is registered at the registry by the institution's admin.");
        return 0;
    }

    /** Creates (or finds) the partner's principal and its rights on the stack running from this state folder. */
    public static Map<String, Object> add(StateLayout state, String schac) {
        String bootstrapServers = state.requireRecorded().getProperty("kafka.bootstrap-servers");
        BrokerPrincipals principals = BrokerPrincipals.withPartner(state, schac);
        Map<String, Object> admin = new LinkedHashMap<>(principals.clientConfig(BrokerPrincipals.ADMIN));
        admin.put("bootstrap.servers", bootstrapServers);
        try (Admin client = Admin.create(admin)) {
            BrokerAccess.apply(client, principals);
        }
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.putAll(principals.clientConfig(BrokerPrincipals.partnerOf(schac)));
        return config;
    }

    /** Caps the partner's produce rate on the stack running from this state folder (0 lifts the cap). */
    public static void limitProduceRate(StateLayout state, String schac, long bytesPerSecond) {
        try (Admin client = Admin.create(adminConfig(state))) {
            BrokerAccess.limitProduceRate(client, BrokerPrincipals.partnerOf(schac), bytesPerSecond);
        }
    }

    /** The bootstrap super user's settings for the stack running from this state folder (operators' tools). */
    public static Map<String, Object> adminConfig(StateLayout state) {
        Map<String, Object> admin = new LinkedHashMap<>(BrokerPrincipals.ensure(state).clientConfig(BrokerPrincipals.ADMIN));
        admin.put("bootstrap.servers", state.requireRecorded().getProperty("kafka.bootstrap-servers"));
        return admin;
    }

}
