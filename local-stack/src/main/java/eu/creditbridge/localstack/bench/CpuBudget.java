package eu.creditbridge.localstack.bench;

import eu.creditbridge.localstack.MongoWireServer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a burst's CPU says about the rate this machine can reach at all: the CPU seconds each credential cost, all
 * processes together, and the rate the machine's cores would allow if they did nothing else. The same without the
 * store (and without the load generator, which a partner runs on its own machine) is the rate the pipeline could not
 * exceed even with a store that cost nothing — measured in the run, so a target above it is shown to be out of reach
 * on this machine rather than said to be.
 *
 * <p>JIT compiling is part of what a credential cost in the bench, but not in a deployment that has run for a while;
 * so the bound without the store is also given without it, the most generous figure the run supports.
 *
 * @param cores            the machine's cores, all processes of the stack share them
 * @param credentials      credentials the burst carried (the second partner's included)
 * @param cpuSeconds       CPU seconds per process during the burst
 * @param compilingSeconds of those, the seconds each JVM's JIT compilers took
 */
record CpuBudget(int cores, long credentials, Map<String, Double> cpuSeconds, Map<String, Double> compilingSeconds) {

    CpuBudget {
        if (cores < 1 || credentials < 1) {
            throw new IllegalArgumentException("a budget needs at least one core and one credential");
        }
        cpuSeconds = Map.copyOf(cpuSeconds);
        compilingSeconds = Map.copyOf(compilingSeconds);
    }

    static CpuBudget of(Burst.Result burst) {
        return new CpuBudget(Runtime.getRuntime().availableProcessors(), (long) burst.credentials() + burst.fairnessSent(), burst.cpuSeconds(),
                burst.compilingSeconds());
    }

    /** CPU milliseconds per credential, every process of the stack and the load generator. */
    double millisPerCredential() {
        return millisPerCredential(ProcessUsage.total(cpuSeconds));
    }

    /** CPU milliseconds per credential of the pipeline without its store: the services and Kafka. */
    double millisOutsideStore() {
        return millisPerCredential(ProcessUsage.total(outside(cpuSeconds)));
    }

    /** The same, less what the JIT compilers of those processes took: the services and Kafka once warm. */
    double millisOutsideStoreWarm() {
        return millisOutsideStore() - millisPerCredential(ProcessUsage.total(outside(compilingSeconds)));
    }

    /** Credentials per second the cores allow when every process costs what it did in the burst. */
    double boundPerSecond() {
        return perSecond(millisPerCredential());
    }

    /** Credentials per second the cores allow for the services and Kafka alone, with a store that cost nothing. */
    double boundWithoutStorePerSecond() {
        return perSecond(millisOutsideStore());
    }

    /** Credentials per second the cores allow for the services and Kafka alone, warm, with a store that cost nothing. */
    double boundWithoutStoreWarmPerSecond() {
        return perSecond(millisOutsideStoreWarm());
    }

    /**
     * Credentials per second the cores allow for the services and Kafka warm, with a store that spent per write what it
     * did at its own ceiling (where it had every core: {@code cores / ceiling} CPU seconds a document, its client's share
     * included, so generous to the store): the most the ratio could reach on this machine.
     */
    double boundWithStoreAtCeilingPerSecond(double ceilingPerSecond, double writesPerCredential) {
        return perSecond(millisOutsideStoreWarm() + writesPerCredential * cores * 1000 / ceilingPerSecond);
    }

    /** Per process outside the store, in milliseconds per credential, largest first. */
    Map<String, Double> outsideStoreMillis() {
        Map<String, Double> millis = new LinkedHashMap<>();
        outside(cpuSeconds).entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> millis.put(e.getKey(), millisPerCredential(e.getValue())));
        return millis;
    }

    private static Map<String, Double> outside(Map<String, Double> perProcess) {
        Map<String, Double> outside = new LinkedHashMap<>(perProcess);
        outside.remove(MongoWireServer.NAME);
        outside.remove(ProcessUsage.BENCH);
        return outside;
    }

    private double millisPerCredential(double seconds) {
        return 1000 * seconds / credentials;
    }

    private double perSecond(double millisPerCredential) {
        return millisPerCredential <= 0 ? Double.POSITIVE_INFINITY : cores * 1000 / millisPerCredential;
    }
}
