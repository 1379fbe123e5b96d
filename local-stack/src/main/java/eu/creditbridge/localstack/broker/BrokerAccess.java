package eu.creditbridge.localstack.broker;

import eu.creditbridge.contract.ContractTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.quota.ClientQuotaAlteration;
import org.apache.kafka.common.quota.ClientQuotaEntity;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * Who may do what on the broker: the ACL table of the embedded stack (the broker runs with
 * {@code allow.everyone.if.no.acl.found=false}, so what is not listed here is refused), and the SCRAM credentials of
 * every principal. {@link #apply} puts both in place through the Admin API as the bootstrap super user, at every start;
 * both calls are upserts, so a second start changes nothing and a principal added since gets its rights.
 *
 * <p>The table, by the topics of the contract:
 * <ul>
 *   <li>registry-service writes {@code creditbridge.registry.*} (their {@code .dlt} too) and reads them back in its group
 *       {@code registry-service} (what no reader can use goes to the topic's {@code .dlt}); reads every dead-letter topic and may write back to the
 *       topics it replays to (the operator's replay); describes every group and topic (the pipeline on {@code /ops}).</li>
 *   <li>issuer-service writes {@code creditbridge.credentials}; reads {@code creditbridge.decisions} in its group
 *       {@code issuer-service}; writes {@code creditbridge.decisions.dlt}.</li>
 *   <li>recognition-service reads {@code creditbridge.credentials} in its group {@code recognition-service} and the
 *       registry topics (without a group: it reads them whole); writes {@code creditbridge.decisions} and
 *       {@code creditbridge.credentials.dlt}.</li>
 *   <li>{@code schema-registry} (compose's Confluent Schema Registry) creates, reads and writes its {@code _schemas}
 *       topic in its group.</li>
 *   <li>{@code partner-<schac>} writes {@code creditbridge.credentials}, nothing else: no decisions (they hold learners'
 *       grades of every university), no group, no registry topic. It learns its decisions through the issuer's scoped
 *       REST API.</li>
 * </ul>
 */
public final class BrokerAccess {

    private static final String REGISTRY = "registry-service";
    private static final String ISSUER = "issuer-service";
    private static final String RECOGNITION = "recognition-service";
    private static final String REGISTRY_TOPICS = "creditbridge.registry.";
    private static final String SCHEMAS_TOPIC = "_schemas";
    private static final int ITERATIONS = 4096;
    /** Kafka's name for a user's produce quota (QuotaConfig.PRODUCER_BYTE_RATE_OVERRIDE_CONFIG, a broker-side class). */
    static final String PRODUCER_BYTE_RATE = "producer_byte_rate";
    private static final long TIMEOUT_SECONDS = 30;

    private BrokerAccess() {
    }

    /** What one principal may do. */
    public static List<AclBinding> of(String principal) {
        List<AclBinding> acls = new ArrayList<>();
        String credentials = ContractTopic.CREDENTIALS.topic();
        String decisions = ContractTopic.DECISIONS.topic();
        switch (principal) {
            case REGISTRY -> {
                acls.add(prefixedTopic(principal, REGISTRY_TOPICS, AclOperation.WRITE));
                // reads its own trust topics back in its group, to dead-letter what readers cannot use
                acls.add(prefixedTopic(principal, REGISTRY_TOPICS, AclOperation.READ));
                acls.add(group(principal, REGISTRY));
                for (ContractTopic topic : ContractTopic.all()) {
                    acls.add(topic(principal, topic.deadLetterTopic(), AclOperation.READ));
                    // the operator's replay sends a dead letter back to its source topic
                    acls.add(topic(principal, topic.topic(), AclOperation.WRITE));
                }
                acls.add(allTopics(principal, AclOperation.DESCRIBE));
                acls.add(allTopics(principal, AclOperation.DESCRIBE_CONFIGS));
                acls.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, "*", PatternType.LITERAL), allow(principal, AclOperation.DESCRIBE)));
                acls.add(cluster(principal, AclOperation.DESCRIBE));
            }
            case ISSUER -> {
                acls.add(topic(principal, credentials, AclOperation.WRITE));
                acls.add(topic(principal, decisions, AclOperation.READ));
                acls.add(group(principal, ISSUER));
                acls.add(topic(principal, ContractTopic.DECISIONS.deadLetterTopic(), AclOperation.WRITE));
                acls.add(cluster(principal, AclOperation.DESCRIBE));
            }
            case RECOGNITION -> {
                acls.add(topic(principal, credentials, AclOperation.READ));
                acls.add(group(principal, RECOGNITION));
                acls.add(prefixedTopic(principal, REGISTRY_TOPICS, AclOperation.READ));
                acls.add(topic(principal, decisions, AclOperation.WRITE));
                acls.add(topic(principal, ContractTopic.CREDENTIALS.deadLetterTopic(), AclOperation.WRITE));
                acls.add(cluster(principal, AclOperation.DESCRIBE));
            }
            case BrokerPrincipals.SCHEMA_REGISTRY -> {
                for (AclOperation operation : List.of(AclOperation.CREATE, AclOperation.READ, AclOperation.WRITE,
                        AclOperation.DESCRIBE_CONFIGS)) {
                    acls.add(topic(principal, SCHEMAS_TOPIC, operation));
                }
                acls.add(group(principal, BrokerPrincipals.SCHEMA_REGISTRY));
            }
            default -> {
                if (!principal.startsWith(BrokerPrincipals.PARTNER_PREFIX)) {
                    throw new IllegalArgumentException("no access is defined for Kafka principal '" + principal + "'");
                }
                acls.add(topic(principal, credentials, AclOperation.WRITE));
            }
        }
        return acls;
    }

    /** SCRAM credentials for every SCRAM principal of the file, then every principal's ACLs. */
    public static void apply(Admin admin, BrokerPrincipals principals) {
        List<UserScramCredentialUpsertion> users = principals.scramPrincipals().stream()
                .map(name -> new UserScramCredentialUpsertion(name, new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS),
                        principals.passwordOf(name).orElseThrow()))
                .toList();
        List<AclBinding> acls = principals.scramPrincipals().stream().flatMap(name -> of(name).stream()).toList();
        try {
            admin.alterUserScramCredentials(List.copyOf(users)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            admin.createAcls(acls).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the broker's users and ACLs", e);
        } catch (TimeoutException e) {
            // a stopped stack leaves its ports recorded: the Admin client then waits for a broker that is not there
            throw new IllegalStateException("cannot set the broker's users and ACLs: the broker did not answer within " + TIMEOUT_SECONDS
                    + " s. Is the stack running? `./creditbridge status` tells, `./creditbridge start` starts it", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot set the broker's users and ACLs: " + e.getMessage(), e);
        }
    }

    /**
     * Caps what a principal may produce, in bytes per second over all its connections (Kafka's user quota: the broker
     * delays its answers to a producer over the rate, so the client slows down without failing), or lifts the cap with
     * 0. Why a partner gets one: one university's semester published at once would otherwise queue ahead of every other
     * partner's credentials in the same partitions (README, "Fairness").
     */
    public static void limitProduceRate(Admin admin, String principal, long bytesPerSecond) {
        ClientQuotaEntity user = new ClientQuotaEntity(Map.of(ClientQuotaEntity.USER, principal));
        ClientQuotaAlteration.Op rate = new ClientQuotaAlteration.Op(PRODUCER_BYTE_RATE,
                bytesPerSecond > 0 ? (double) bytesPerSecond : null);
        try {
            admin.alterClientQuotas(List.of(new ClientQuotaAlteration(user, List.of(rate)))).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the produce quota of " + principal, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot set the produce quota of " + principal + ": " + e.getMessage(), e);
        }
    }

    /** A readable line per ACL, for {@code partner add} and the README. */
    public static List<String> describe(String principal) {
        return of(principal).stream().map(acl -> String.format("%s %s on %s %s%s", acl.entry().permissionType(),
                acl.entry().operation(), acl.pattern().resourceType(), acl.pattern().name(),
                acl.pattern().patternType() == PatternType.PREFIXED ? "*" : "")).toList();
    }

    private static AclBinding topic(String principal, String topic, AclOperation operation) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL), allow(principal, operation));
    }

    private static AclBinding prefixedTopic(String principal, String prefix, AclOperation operation) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED), allow(principal, operation));
    }

    private static AclBinding allTopics(String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(ResourceType.TOPIC, "*", PatternType.LITERAL), allow(principal, operation));
    }

    private static AclBinding group(String principal, String group) {
        return new AclBinding(new ResourcePattern(ResourceType.GROUP, group, PatternType.LITERAL), allow(principal, AclOperation.READ));
    }

    private static AclBinding cluster(String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(ResourceType.CLUSTER, "kafka-cluster", PatternType.LITERAL), allow(principal, operation));
    }

    private static AccessControlEntry allow(String principal, AclOperation operation) {
        return new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW);
    }
}
