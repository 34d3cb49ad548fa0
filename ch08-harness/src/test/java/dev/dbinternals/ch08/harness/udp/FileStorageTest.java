package dev.dbinternals.ch08.harness.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStorageTest {

    @Test
    void shouldReloadExactlyWhatWasSyncedToTheFile(@TempDir Path dir) {
        Path file = dir.resolve("A.store");
        FileStorage s = new FileStorage(file);
        s.put("term", "3".getBytes(StandardCharsets.UTF_8));
        s.sync();
        s.put("vote", "B".getBytes(StandardCharsets.UTF_8)); // never synced: a killed process loses it

        FileStorage after = new FileStorage(file);

        assertThat(after.keys()).containsExactly("term");
        assertThat(after.get("term")).hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("3"));
    }
}
