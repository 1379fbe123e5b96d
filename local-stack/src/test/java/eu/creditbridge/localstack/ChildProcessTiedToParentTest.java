package eu.creditbridge.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SIGKILLed test JVM runs no shutdown hooks; the processes of its stack must still end with it. The CLI's stack
 * must not: it outlives the launcher by design.
 */
class ChildProcessTiedToParentTest {

    @TempDir
    Path state;

    private ProcessHandle child;

    @AfterEach
    void killWhatIsLeft() {
        if (child != null) {
            child.destroyForcibly();
        }
    }

    @Test
    void childTiedToItsLauncherExitsWhenTheLauncherIsKilledWithSigkill() throws Exception {
        Process launcher = launcher("tied");
        child = ProcessHandle.of(childPid(launcher)).orElseThrow();
        assertThat(child.isAlive()).isTrue();

        launcher.destroyForcibly().waitFor();

        await("the tied child ends with its launcher").atMost(Duration.ofSeconds(20)).until(() -> !child.isAlive());
    }

    @Test
    void childOfTheCliLauncherOutlivesIt() throws Exception {
        Process launcher = launcher("untied");
        child = ProcessHandle.of(childPid(launcher)).orElseThrow();

        launcher.destroyForcibly().waitFor();

        // Longer than the tied child needs to notice (half a second) plus its JVM's exit.
        await("the CLI's child lives on").during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(child::isAlive);
    }

    @Test
    void commandWithAClasspathRunsItsMainThroughTiedToParent() {
        List<String> command = List.of("java", "-Dcreditbridge.process=kafka", "-Xmx512m", "-cp", "lib/*", "kafka.Kafka", "server.properties");

        List<String> tied = ChildProcess.tiedTo(4242, command);

        assertThat(tied).startsWith("java", "-Dcreditbridge.process=kafka", "-Xmx512m", "-cp");
        assertThat(tied.get(4)).endsWith("lib/*").startsWith(StackArtifacts.ownClasses());
        assertThat(tied.subList(5, tied.size())).containsExactly(TiedToParent.class.getName(), "4242", "kafka.Kafka", "server.properties");
    }

    @Test
    void commandWithAJarRunsTheJarsMainClassThroughTiedToParent() throws Exception {
        Path jar = state.resolve("service-exec.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        List<String> command = List.of("java", "-Dcreditbridge.process=issuer-service", "-jar", jar.toString(), "--server.port=8091");

        List<String> tied = ChildProcess.tiedTo(4242, command);

        assertThat(tied).containsExactly("java", "-Dcreditbridge.process=issuer-service", "-cp",
                StackArtifacts.ownClasses() + java.io.File.pathSeparator + jar, TiedToParent.class.getName(), "4242",
                "org.springframework.boot.loader.launch.JarLauncher", "--server.port=8091");
    }

    private Process launcher(String mode) throws Exception {
        return new ProcessBuilder(ChildProcess.javaExecutable(), "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                LauncherStandIn.class.getName(), state.toString(), mode)
                .redirectErrorStream(true).start();
    }

    private static long childPid(Process launcher) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("child ")) {
                return Long.parseLong(line.substring("child ".length()).trim());
            }
        }
        throw new AssertionError("the launcher ended without starting its child (exit " + launcher.waitFor() + ")");
    }
}
