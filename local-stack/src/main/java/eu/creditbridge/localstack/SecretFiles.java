package eu.creditbridge.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Files of the state folder that hold secrets: readable by their owner only, in a folder only the owner may enter. */
public final class SecretFiles {

    private SecretFiles() {
    }

    /** Writes it whole or not at all (a temporary file moved into place), 0600 in a 0700 folder. */
    public static void writePrivate(Path file, String content) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
            Path temporary = dir.resolve(file.getFileName() + ".new");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            restrict(temporary, "rw-------");
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's ACL is the user's already.
        }
    }
}
