package eu.creditbridge.localstack.bench;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** The parts of a bench run, each one {@code --parts} name; all of them by default. */
public enum BenchPart {
    /** Kafka's own ProducerPerformance and ConsumerPerformance, and the store's bulk upserts, on the same stack. */
    CEILINGS("ceilings"),
    /** A partner's semester published at once onto the topic (with the second partner's trickle for fairness). */
    BURST("burst"),
    /** The same burst on a second fresh stack whose MongoDB keeps everything in memory. */
    MEMORY_BURST("memory-burst"),
    /** A steady offered rate, issue-to-decision percentiles. */
    LATENCY("latency"),
    /** Issuing through issuer-service's REST API: single POSTs, and the bulk endpoint where the issuer has one. */
    REST("rest"),
    /** The burst again on a fresh durable stack running two recognition-service instances in one consumer group. */
    TWO_INSTANCES("two-instances");

    private final String optionName;

    BenchPart(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
    }

    /** {@code all}, or a comma-separated choice of the parts' names. */
    static Set<BenchPart> parse(String choice) {
        if (choice.equals("all")) {
            return EnumSet.allOf(BenchPart.class);
        }
        Set<BenchPart> parts = EnumSet.noneOf(BenchPart.class);
        for (String name : choice.split(",")) {
            parts.add(Arrays.stream(values()).filter(part -> part.optionName.equals(name.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown part '" + name.trim() + "'; choose all or some of "
                            + Arrays.stream(values()).map(BenchPart::optionName).toList())));
        }
        return parts;
    }
}
