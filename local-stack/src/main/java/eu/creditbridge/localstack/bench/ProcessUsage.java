package eu.creditbridge.localstack.bench;

import eu.creditbridge.localstack.LocalStack;
import eu.creditbridge.localstack.StackComponent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * CPU time and peak resident memory of each process of the stack, and of the bench's own JVM (the load generator shares
 * the two cores), read from {@code /proc}: the CPU time the kernel accounts (user + system, what
 * {@link ProcessHandle.Info#totalCpuDuration()} reads from {@code /proc/<pid>/stat}) and {@code VmHWM} of
 * {@code /proc/<pid>/status}, the high-water mark of the resident set since the process started.
 */
final class ProcessUsage {

    static final String BENCH = "bench (load generator)";

    /** One process at one moment. */
    record Reading(long pid, Duration cpu, long peakRssKib) {
    }

    private ProcessUsage() {
    }

    /** Every running process of the stack, and this JVM, by name. */
    static Map<String, Reading> of(LocalStack stack) {
        Map<String, Reading> readings = new LinkedHashMap<>();
        List<StackComponent> components = stack.components();
        for (StackComponent component : components) {
            component.process().pid().ifPresent(pid -> read(pid).ifPresent(reading -> readings.put(component.name(), reading)));
        }
        read(ProcessHandle.current().pid()).ifPresent(reading -> readings.put(BENCH, reading));
        return readings;
    }

    private static java.util.Optional<Reading> read(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration())
                .map(cpu -> new Reading(pid, cpu, peakRssKib(pid).orElse(0)));
    }

    /** CPU seconds each process spent between two readings (a process restarted in between is left out). */
    static Map<String, Double> cpuSecondsBetween(Map<String, Reading> before, Map<String, Reading> after) {
        Map<String, Double> spent = new LinkedHashMap<>();
        after.forEach((name, reading) -> {
            Reading earlier = before.get(name);
            if (earlier != null && earlier.pid() == reading.pid()) {
                spent.put(name, reading.cpu().minus(earlier.cpu()).toMillis() / 1000.0);
            }
        });
        return spent;
    }

    static OptionalLong peakRssKib(long pid) {
        try {
            return peakRssKib(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException | RuntimeException unavailable) {
            return OptionalLong.empty();   // not Linux, or the process has gone
        }
    }

    /** {@code VmHWM:   123456 kB} of a {@code /proc/<pid>/status} text. */
    static OptionalLong peakRssKib(String procStatus) {
        for (String line : procStatus.split("\n")) {
            if (line.startsWith("VmHWM:")) {
                return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
            }
        }
        return OptionalLong.empty();
    }
}
