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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * CPU time and peak resident memory of each process of the stack, and of the bench's own JVM (the load generator shares
 * the two cores), read from {@code /proc}: the CPU time the kernel accounts (user + system, what
 * {@link ProcessHandle.Info#totalCpuDuration()} reads from {@code /proc/<pid>/stat}) and {@code VmHWM} of
 * {@code /proc/<pid>/status}, the high-water mark of the resident set since the process started. Of a JVM also the CPU
 * time of its JIT compiler threads ({@code /proc/<pid>/task/<tid>/stat} of the threads HotSpot names "C1/C2
 * CompilerThread"): how much of a burst's CPU went to compiling rather than to the work, i.e. whether it ran warm.
 */
final class ProcessUsage {

    static final String BENCH = "bench (load generator)";

    /** One process at one moment. */
    record Reading(long pid, Duration cpu, Duration compiling, long peakRssKib) {
    }

    /* Linux's USER_HZ, the unit of utime and stime in /proc stat files: 100 on every architecture the JDK runs on. */
    private static final double TICKS_PER_SECOND = 100.0;

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

    private static Optional<Reading> read(long pid) {
        return ProcessHandle.of(pid).flatMap(handle -> handle.info().totalCpuDuration())
                .map(cpu -> new Reading(pid, cpu, compilerThreadsCpu(pid), peakRssKib(pid).orElse(0)));
    }

    /*
     * The threads' names are the kernel's comm, truncated to 15 characters ("C2 CompilerThre"). On two cores HotSpot keeps
     * one C1 and one C2 thread for the JVM's life, so the difference of two readings is the compiling done in between.
     */
    private static Duration compilerThreadsCpu(long pid) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            long ticks = threads.mapToLong(thread -> {
                try {
                    return compilerTicks(Files.readString(thread.resolve("stat")));
                } catch (IOException | RuntimeException gone) {
                    return 0;   // the thread ended between the listing and the read
                }
            }).sum();
            return Duration.ofMillis(Math.round(ticks * 1000 / TICKS_PER_SECOND));
        } catch (IOException | RuntimeException unavailable) {
            return Duration.ZERO;   // not Linux, or the process has gone
        }
    }

    /** utime + stime of one {@code /proc/<pid>/task/<tid>/stat} line if the thread is a JIT compiler thread, else 0. */
    static long compilerTicks(String threadStat) {
        int open = threadStat.indexOf('(');
        int close = threadStat.lastIndexOf(')');
        if (open < 0 || close < open || !threadStat.substring(open + 1, close).matches("C[12] CompilerThre.*")) {
            return 0;
        }
        // After the name: state is field 3, utime field 14 and stime field 15 of the whole line.
        String[] fields = threadStat.substring(close + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** CPU seconds each process spent between two readings (a process restarted in between is left out). */
    static Map<String, Double> cpuSecondsBetween(Map<String, Reading> before, Map<String, Reading> after) {
        return secondsBetween(before, after, Reading::cpu);
    }

    /** JIT compiling CPU seconds of each JVM between two readings (a process restarted in between is left out). */
    static Map<String, Double> compilingSecondsBetween(Map<String, Reading> before, Map<String, Reading> after) {
        return secondsBetween(before, after, Reading::compiling);
    }

    /** The seconds of all processes together. */
    static double total(Map<String, Double> seconds) {
        return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static Map<String, Double> secondsBetween(Map<String, Reading> before, Map<String, Reading> after, Function<Reading, Duration> spentSoFar) {
        Map<String, Double> spent = new LinkedHashMap<>();
        after.forEach((name, reading) -> {
            Reading earlier = before.get(name);
            if (earlier != null && earlier.pid() == reading.pid()) {
                spent.put(name, spentSoFar.apply(reading).minus(spentSoFar.apply(earlier)).toMillis() / 1000.0);
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
