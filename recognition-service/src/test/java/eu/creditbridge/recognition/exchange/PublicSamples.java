package eu.creditbridge.recognition.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The public sample documents, never edited: {@code shared/samples} beside the repository (the team's current guidance)
 * when it is there, found by walking up from the working directory, so the tests run the same from a module, the
 * repository root or a worktree; otherwise the repository's verbatim copy in {@code docs/samples}, so a clean clone
 * anywhere (CI) runs them too. {@link PublicSamplesCopyTest} keeps the two identical.
 */
public final class PublicSamples {

    private PublicSamples() {
    }

    public static Path root() {
        return shared().or(PublicSamples::repositoryCopy).orElseThrow(() -> new IllegalStateException(
                "No shared/samples nor docs/samples found above " + Path.of("").toAbsolutePath()));
    }

    /** {@code shared/samples} beside the repository, where the team keeps the originals. */
    public static Optional<Path> shared() {
        return above(Path.of("shared", "samples"));
    }

    /** The repository's own verbatim copy. */
    public static Optional<Path> repositoryCopy() {
        return above(Path.of("docs", "samples"));
    }

    private static Optional<Path> above(Path folder) {
        Path dir = Path.of("").toAbsolutePath();
        for (int up = 0; up < 6 && dir != null; up++, dir = dir.getParent()) {
            Path candidate = dir.resolve(folder);
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
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
