package dev.gradsheet.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void theNewContentIsFsyncedBeforeTheRenameAndTheDirectoryAfterIt() throws IOException {
        Path target = dir.resolve("a.sheet");
        Files.writeString(target, "old\n");
        List<String> events = new ArrayList<>();
        AtomicFile.write(target, "new content\n".getBytes(StandardCharsets.UTF_8), new AtomicFile.Sync() {
            @Override
            public void file(FileChannel channel, Path path) throws IOException {
                // the temporary file holds everything, the target is still the old one
                events.add("file " + channel.size() + " " + Files.readString(target).strip());
                assertThat(path.getParent()).isEqualTo(dir.toAbsolutePath());
                assertThat(path).isNotEqualTo(target);
            }

            @Override
            public void directory(Path d) throws IOException {
                events.add("dir " + d.getFileName() + " " + Files.readString(target).strip());
            }
        });
        assertThat(events).containsExactly("file 12 old", "dir " + dir.getFileName() + " new content");
        assertThat(Files.readString(target)).isEqualTo("new content\n");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target); // no temporary file left
        }
    }

    @Test
    void theRealSyncWritesAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("sub").resolve("b.sheet");
        SheetFile.writeAtomically(target, "x = 1\n");
        assertThat(Files.readString(target)).isEqualTo("x = 1\n");
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }
}
