package dev.gradsheet.sheet;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Durable whole-file replacement: write a temporary file beside the target, fsync it, rename it over
 * the target in one atomic move, then fsync the directory so the rename itself survives a power cut.
 * A crash at any point leaves the old content or the new one, never a mix or an empty file.
 */
public final class AtomicFile {
    /** The two flushes to stable storage, replaceable in tests to check their order. */
    interface Sync {
        /** Forces a written file's bytes to disk. */
        void file(FileChannel channel, Path path) throws IOException;

        /** Forces a directory's entries (a rename into it) to disk. */
        void directory(Path dir) throws IOException;
    }

    /** The real fsyncs. */
    static final Sync FSYNC = new Sync() {
        @Override
        public void file(FileChannel channel, Path path) throws IOException {
            channel.force(true);
        }

        @Override
        public void directory(Path dir) throws IOException {
            try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
                ch.force(true);
            } catch (IOException | UnsupportedOperationException e) {
                // Some systems (Windows) cannot open a directory; the rename is still atomic there.
            }
        }
    };

    private AtomicFile() {
    }

    /** Replaces {@code path}'s content with {@code bytes}, durably. */
    public static void write(Path path, byte[] bytes) throws IOException {
        write(path, bytes, FSYNC);
    }

    static void write(Path path, byte[] bytes, Sync sync) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                sync.file(ch, tmp);
            }
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
            sync.directory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
