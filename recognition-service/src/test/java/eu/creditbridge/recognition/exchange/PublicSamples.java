package eu.creditbridge.recognition.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public sample documents ({@code shared/samples} beside the repository, never edited): found by walking up
 * from the working directory, so the tests run the same from a module, the repository root, a worktree or CI's clone.
 */
public final class PublicSamples {

    private PublicSamples() {
    }

    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 6 && dir != null; up++, dir = dir.getParent()) {
            Path samples = dir.resolve("shared").resolve("samples");
            if (Files.isDirectory(samples)) {
                return samples;
            }
        }
        throw new IllegalStateException("No shared/samples found above " + Path.of("").toAbsolutePath()
                + ": the public samples sit beside the repository (see the repository README).");
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One of this module's own awkward documents, under src/test/resources/exchange. */
    public static byte[] own(String name) {
        try (var in = PublicSamples.class.getResourceAsStream("/exchange/" + name)) {
            if (in == null) {
                throw new IllegalStateException("No test document " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
