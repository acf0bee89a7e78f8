package dev.gradsheet.ui;

import dev.gradsheet.sheet.SheetFile;
import dev.gradsheet.sheet.SheetFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where shared sheets live on disk: one {@code <id>.sheet} file per sheet in the data directory,
 * written atomically (temp file + move), so a crash mid-save leaves the old file or the new one.
 * Ids are random and checked against a strict pattern before they touch the file system, so
 * nothing a user types ever becomes a path.
 */
public final class SheetStore {
    private static final Pattern ID = Pattern.compile("[a-z0-9]{16}");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;

    /** A store over {@code dir}; the directory is created on the first save. */
    public SheetStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** Whether {@code id} has the shape of a sheet id (16 lowercase letters or digits). */
    public static boolean isValidId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** A new random sheet id. */
    public static String newId() {
        char[] out = new char[16];
        for (int i = 0; i < out.length; i++) {
            out[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(out);
    }

    /** Saves {@code text} as sheet {@code id}, atomically. */
    public void save(String id, String text) throws IOException {
        SheetFile.writeAtomically(pathOf(id), text);
    }

    /** The saved sheet {@code id}, or empty when there is none (or the id is malformed). */
    public Optional<SheetFile.Loaded> load(String id) throws IOException, SheetFormatException {
        if (!isValidId(id)) {
            return Optional.empty();
        }
        Path path = pathOf(id);
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        return Optional.of(SheetFile.parse(Files.readAllBytes(path), id + ".sheet"));
    }

    private Path pathOf(String id) {
        if (!isValidId(id)) {
            throw new IllegalArgumentException("not a sheet id");
        }
        Path path = dir.resolve(id + ".sheet").normalize();
        if (!dir.equals(path.getParent())) {
            throw new IllegalArgumentException("not a sheet id");
        }
        return path;
    }
}
