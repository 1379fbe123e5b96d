package eu.creditbridge.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's commands as printed, run against the shared embedded stack, so the docs cannot drift from the system
 * again (a {@code curl} without {@code -u} that answers 401, a placeholder nobody can paste). Every {@code bash} block
 * preceded by a {@code <!-- run by ReadmeCommandsTest ... -->} line runs, in order, in one shell, from the repository
 * root, as a reader would paste them. Only the stack's addresses are changed: the README names the default ports, the
 * tests' stack listens on free ones. {@code curl} fails on an HTTP error ({@code --fail-with-body}), and is tried
 * again for up to a minute, because what a reader sees a second later (a decision) is asynchronous.
 */
class ReadmeCommandsTest {

    private static final Path REPO = Path.of(System.getProperty("creditbridge.repo", ".."));
    private static final String MARK = "<!-- run by ReadmeCommandsTest";
    /** A bounded retry: 60 tries a second apart, then the command's failure stands. */
    private static final String PRELUDE = """
            set -euo pipefail
            curl() {
              local try out
              for try in $(seq 1 60); do
                if out=$(command curl --fail-with-body --max-time 20 "$@"); then printf '%s\\n' "$out"; return 0; fi
                sleep 1
              done
              printf 'README command failed 60 times: curl %s\\n%s\\n' "$*" "$out" >&2
              return 1
            }
            """;

    @Test
    void theRootReadmesTryItRunsAsPrinted() throws Exception {
        String output = run("README.md", 2);

        // What the reader is told to expect: the credential recognised as Rotterdam's own course, its decision, revoked.
        assertThat(output).contains("\"perLocalCourse\"").contains("\"EUR-INF-101\"").contains("\"outcome\":\"RECOGNISED\"")
                .contains("\"status\":\"REVOKED\"");
    }

    @Test
    void theRegistryReadmesMarkedCommandsRunAsPrinted() throws Exception {
        assertThat(run("registry-service/README.md", 2)).contains("\"allianceId\"").contains("\"topics\"");
    }

    @Test
    void theIssuerReadmesMarkedCommandsRunAsPrinted() throws Exception {
        assertThat(run("issuer-service/README.md", 1)).contains("201").contains("\"credentialId\"");
    }

    /** Runs a README's marked blocks in one shell from the repository root; their output, once they all succeeded. */
    private static String run(String readme, int atLeastBlocks) throws IOException, InterruptedException {
        List<String> blocks = markedBlocks(REPO.resolve(readme));
        assertThat(blocks).as("marked bash blocks in " + readme).hasSizeGreaterThanOrEqualTo(atLeastBlocks);
        assertThat(String.join("\n", blocks)).contains("curl").doesNotContain("{credentialId}", "<credentialId>", "<id>");

        Path output = Files.createTempFile("readme-commands", ".out");
        Process bash = new ProcessBuilder("bash", "-c", PRELUDE + addressed(String.join("\n", blocks)))
                .directory(REPO.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean finished = bash.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            bash.destroyForcibly();
        }
        String printed = Files.readString(output);
        Files.deleteIfExists(output);

        assertThat(finished).as(readme + "'s commands finished within 5 minutes; output:\n" + printed).isTrue();
        assertThat(bash.exitValue()).as(readme + "'s commands, output:\n" + printed).isZero();
        return printed;
    }

    /** The bash blocks right after a mark line, without their fences. */
    static List<String> markedBlocks(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme, StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(MARK) && i + 1 < lines.size() && lines.get(i + 1).equals("```bash")) {
                StringBuilder block = new StringBuilder();
                for (int j = i + 2; j < lines.size() && !lines.get(j).equals("```"); j++) {
                    block.append(lines.get(j)).append('\n');
                }
                blocks.add(block.toString());
            }
        }
        return blocks;
    }

    /** The README's default addresses replaced by the tests' stack's. */
    private static String addressed(String commands) {
        var stack = EmbeddedStack.get();
        return commands.replace("http://127.0.0.1:8091", stack.issuer().url())
                .replace("http://127.0.0.1:8092", stack.registry().url())
                .replace("http://127.0.0.1:8093", stack.recognition().url());
    }
}
