package eu.creditbridge.recognition.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository's copy of the public samples ({@code docs/samples}) is the shared originals byte for byte: a clean
 * clone tests against exactly what the team's guidance holds. Where the originals are not beside the repository (CI's
 * clone) there is nothing to compare with, and the copy is what the tests read.
 */
class PublicSamplesCopyTest {

    @Test
    void theRepositorysCopyIsTheSharedSamplesByteForByte() throws IOException {
        Optional<Path> shared = PublicSamples.shared();
        assumeTrue(shared.isPresent(), "no shared/samples beside the repository: the copy in docs/samples is used as it is");
        Path copy = PublicSamples.repositoryCopy().orElseThrow();

        List<Path> originals = files(shared.get());
        assertThat(originals).isNotEmpty();
        for (Path original : originals) {
            Path copied = copy.resolve(shared.get().relativize(original).toString());
            assertThat(copied).as("docs/samples/%s", shared.get().relativize(original)).exists();
            assertThat(Files.readAllBytes(copied)).as("docs/samples/%s", shared.get().relativize(original))
                    .isEqualTo(Files.readAllBytes(original));
        }
        // Nothing in the copy that the originals do not have, but its own note on where it comes from.
        assertThat(files(copy).stream().map(copy::relativize).map(Path::toString).filter(name -> !name.equals("COPY.md")))
                .containsExactlyInAnyOrderElementsOf(originals.stream().map(shared.get()::relativize).map(Path::toString).toList());
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
