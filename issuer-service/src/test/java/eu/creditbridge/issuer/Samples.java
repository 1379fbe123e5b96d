package eu.creditbridge.issuer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public sample documents (ELMO, EWP, Europass), never edited: {@code shared/samples} beside the repository when it
 * is there (found from the working directory upwards, so a worktree reads them as the main checkout does), otherwise
 * the repository's verbatim copy in {@code docs/samples} (a clean clone, CI). recognition-service's
 * PublicSamplesCopyTest keeps the two identical.
 */
public final class Samples {

    private Samples() {
    }

    public static Path path(String name) {
        for (Path folder : new Path[] {Path.of("shared", "samples"), Path.of("docs", "samples")}) {
            Path dir = Path.of("").toAbsolutePath();
            for (int up = 0; up < 6 && dir != null; up++, dir = dir.getParent()) {
                Path candidate = dir.resolve(folder).resolve(name);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("sample " + name + " not found in shared/samples nor docs/samples above "
                + Path.of("").toAbsolutePath());
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
