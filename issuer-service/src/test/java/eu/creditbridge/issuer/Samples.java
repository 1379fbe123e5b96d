package eu.creditbridge.issuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public sample documents (ELMO, EWP, Europass) kept unedited beside the repository in {@code ../shared/samples}:
 * found from the working directory upwards, so the tests read them from a worktree as from the main checkout.
 */
public final class Samples {

    private Samples() {
    }

    public static Path path(String name) {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 6 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("samples").resolve(name);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("sample " + name + " not found in shared/samples above " + Path.of("").toAbsolutePath());
    }

    /** A file of the repository's {@code docs/examples}, which the README's commands post. */
    public static byte[] example(String name) {
        try {
            return Files.readAllBytes(Path.of("").toAbsolutePath().getParent().resolve("docs/examples").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
