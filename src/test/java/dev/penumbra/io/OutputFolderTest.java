package dev.penumbra.io;

import dev.penumbra.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Output folders: claimed exclusively, never inside an input, and a fresh one appears whole or not at all. */
class OutputFolderTest {

    @Test
    void aFreshFolderAppearsOnlyWhenCommitted(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("pred");
        try (OutputFolder folder = OutputFolder.fresh(out, "--out", List.of())) {
            Files.writeString(folder.dir().resolve("a.csv"), "x\n");
            assertThat(out).doesNotExist();
            assertThat(folder.published(folder.dir().resolve("a.csv"))).isEqualTo(out.resolve("a.csv"));
            folder.commit();
        }
        assertThat(out.resolve("a.csv")).hasContent("x");
        assertThat(names(tmp)).containsExactly("pred");
    }

    @Test
    void aFailedFreshFolderLeavesNothingSoTheRetryIsAccepted(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("pred");
        Files.createDirectories(out);
        try (OutputFolder folder = OutputFolder.fresh(out, "--out", List.of())) {
            Files.writeString(folder.dir().resolve("half.png"), "...");
            // the command fails here: no commit
        }
        assertThat(names(tmp)).containsExactly("pred");
        assertThat(names(out)).isEmpty();
        try (OutputFolder retry = OutputFolder.fresh(out, "--out", List.of())) {
            retry.commit();
        }
    }

    @Test
    void aSecondClaimWhileTheFirstIsHeldIsRefusedAndTheLockIsGoneAfterwards(@TempDir Path tmp) {
        Path out = tmp.resolve("run");
        try (OutputFolder first = OutputFolder.inPlace(out, "--out", List.of())) {
            assertThatThrownBy(() -> OutputFolder.inPlace(out, "--out", List.of()))
                    .isInstanceOf(InputException.class).hasMessageContaining("--out " + out)
                    .hasMessageContaining("in use by another Penumbra command")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        assertThat(names(tmp)).isEmpty();
        try (OutputFolder again = OutputFolder.inPlace(out, "--out", List.of())) {
            assertThat(again.dir()).isEqualTo(out);
        }
    }

    @Test
    void aLockOfAProcessThatIsGoneIsTakenOver(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("run");
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        String host = java.net.InetAddress.getLocalHost().getHostName();
        Path lock = tmp.resolve(".run.lock");
        Files.writeString(lock, "host " + host + "\npid " + p.pid() + "\nstarted 2020-01-01T00:00:00Z\n");
        try (OutputFolder taken = OutputFolder.inPlace(out, "--out", List.of())) {
            assertThat(Files.readString(lock)).contains("pid " + ProcessHandle.current().pid());
        }
        // a damaged (empty) lock file holds nothing either
        Files.writeString(lock, "");
        try (OutputFolder taken = OutputFolder.inPlace(out, "--out", List.of())) {
            assertThat(Files.readString(lock)).contains("pid " + ProcessHandle.current().pid());
        }
    }

    @Test
    void aLockFromAnotherHostIsHonoured(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        Files.writeString(tmp.resolve(".run.lock"), "host some-other-node\npid 1\nstarted unknown\n");
        assertThatThrownBy(() -> OutputFolder.inPlace(out, "--out", List.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("some-other-node")
                .hasMessageContaining("remove " + tmp.resolve(".run.lock"));
    }

    @Test
    void anOutputInsideAnInputOrAnInputInsideTheOutputIsRefused(@TempDir Path tmp) throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data/test/images"));
        Path link = Files.createSymbolicLink(tmp.resolve("alias"), tmp.resolve("data"));
        List<OutputFolder.Input> inputs = List.of(new OutputFolder.Input("--data", tmp.resolve("data")));
        assertThatThrownBy(() -> OutputFolder.fresh(data.resolve("pred"), "--out", inputs))
                .isInstanceOf(InputException.class).hasMessageContaining("lies inside --data");
        // through a symbolic link too
        assertThatThrownBy(() -> OutputFolder.fresh(link.resolve("pred"), "--out", inputs))
                .isInstanceOf(InputException.class).hasMessageContaining("lies inside --data");
        assertThatThrownBy(() -> OutputFolder.inPlace(tmp, "--out", inputs))
                .isInstanceOf(InputException.class).hasMessageContaining("--data " + tmp.resolve("data")
                        + " lies inside --out");
        // a sibling whose name merely starts the same is not inside
        try (OutputFolder ok = OutputFolder.fresh(tmp.resolve("data-pred"), "--out", inputs)) {
            ok.commit();
        }
        assertThat(names(tmp.resolve("data"))).containsExactly("test");
    }

    @Test
    void temporaryNamesStayBelowTheFileSystemLimitForLongUserNames(@TempDir Path tmp) {
        String longName = "ü".repeat(120); // 240 bytes of UTF-8: legal, but a suffix would pass 255
        Path target = tmp.resolve(longName);
        String name = TempNames.beside(target, "partial");
        assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        AtomicFiles.writeString(target, "kept\n");
        assertThat(target).hasContent("kept");
        try (OutputFolder f = OutputFolder.fresh(tmp.resolve("ö".repeat(127)), "--out", List.of())) {
            f.commit();
        }
    }

    private static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
