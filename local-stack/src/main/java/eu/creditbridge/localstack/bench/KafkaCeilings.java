package eu.creditbridge.localstack.bench;

import eu.creditbridge.localstack.ChildProcess;
import eu.creditbridge.localstack.SecretFiles;
import eu.creditbridge.localstack.StackArtifacts;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The broker's own ceiling on the bench's stack: Kafka's {@code ProducerPerformance} and {@code ConsumerPerformance}
 * (kafka-tools at the broker's version, from {@code local-stack/target/lib}) as a child JVM, signed in as the
 * operator with the same SASL settings the stack's clients use, on a topic of their own with the credentials topic's
 * partitions, records of 1.5 KB (a credential event's size), {@code acks=all} as the services' producers.
 */
final class KafkaCeilings {

    static final String TOPIC = "bench.perf";
    static final int RECORD_BYTES = 1_500;
    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(10);
    private static final Pattern PRODUCED = Pattern.compile("(\\d+) records sent, ([0-9.]+) records/sec");

    /** What the tools measured, records per second. */
    record Result(long records, double producedPerSecond, double consumedPerSecond) {
    }

    private KafkaCeilings() {
    }

    static Result measure(StackArtifacts artifacts, Map<String, Object> adminConfig, int partitions, int records, Path workDir,
            Consumer<String> out) {
        String bootstrap = String.valueOf(adminConfig.get("bootstrap.servers"));
        try (Admin admin = Admin.create(adminConfig)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {   // an earlier bench on the same stack made it: records are added
                throw new IllegalStateException("cannot create the perf topic " + TOPIC + ": " + e.getMessage(), e);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("the broker did not create the perf topic " + TOPIC + " within 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Path clientConfig = workDir.resolve("perf-client.properties");
        StringBuilder properties = new StringBuilder("# The operator's broker sign-in for Kafka's perf tools. Never commit.\n");
        adminConfig.forEach((key, value) -> {
            if (!key.equals("bootstrap.servers")) {
                properties.append(key).append('=').append(value).append('\n');
            }
        });
        SecretFiles.writePrivate(clientConfig, properties.toString());
        out.accept(String.format("  Kafka's ProducerPerformance: %,d records of %,d bytes, acks=all ...", records, RECORD_BYTES));
        String produced = run(artifacts, workDir, "producer-perf", List.of("org.apache.kafka.tools.ProducerPerformance",
                "--bootstrap-server", bootstrap, "--topic", TOPIC, "--num-records", Integer.toString(records),
                "--record-size", Integer.toString(RECORD_BYTES), "--throughput", "-1",
                "--command-property", "acks=all", "--command-config", clientConfig.toString()));
        double producedRate = producerRate(produced);
        out.accept(String.format("    produced %s", Figures.rate(producedRate)));
        out.accept(String.format("  Kafka's ConsumerPerformance: the same %,d records ...", records));
        String consumed = run(artifacts, workDir, "consumer-perf", List.of("org.apache.kafka.tools.ConsumerPerformance",
                "--bootstrap-server", bootstrap, "--topic", TOPIC, "--num-records", Integer.toString(records),
                "--command-config", clientConfig.toString(), "--timeout", "60000"));
        double consumedRate = consumerRate(consumed);
        out.accept(String.format("    consumed %s", Figures.rate(consumedRate)));
        return new Result(records, producedRate, consumedRate);
    }

    private static String run(StackArtifacts artifacts, Path workDir, String name, List<String> toolArguments) {
        List<String> command = new ArrayList<>(ChildProcess.javaCommand("bench-" + name, List.of("-Xmx512m")));
        command.add("-cp");
        command.add(artifacts.processClasspath());
        command.addAll(toolArguments);
        Path log = workDir.resolve(name + ".log");
        try {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(new File("/dev/null")).start();
            if (!process.waitFor(TOOL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new IllegalStateException(name + " did not finish within " + TOOL_TIMEOUT.toMinutes() + " min; see " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The last summary line of ProducerPerformance: {@code 200000 records sent, 35500.3 records/sec (…)}. */
    static double producerRate(String output) {
        Matcher matcher = PRODUCED.matcher(output);
        Double rate = null;
        while (matcher.find()) {
            rate = Double.parseDouble(matcher.group(2));
        }
        if (rate == null) {
            throw new IllegalStateException("ProducerPerformance printed no summary:\n" + tail(output));
        }
        return rate;
    }

    /** The {@code nMsg.sec} column of ConsumerPerformance's CSV line under its header. */
    static double consumerRate(String output) {
        String[] lines = output.split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].startsWith("start.time")) {
                List<String> header = List.of(lines[i].split(",\\s*"));
                String[] values = lines[i + 1].split(",\\s*");
                int column = header.indexOf("nMsg.sec");
                if (column >= 0 && column < values.length) {
                    return Double.parseDouble(values[column].trim());
                }
            }
        }
        throw new IllegalStateException("ConsumerPerformance printed no result:\n" + tail(output));
    }

    private static String tail(String output) {
        return output.length() <= 2_000 ? output : output.substring(output.length() - 2_000);
    }
}
