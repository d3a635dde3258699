package dev.penumbra.data.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads folders of generated files for the tests. */
final class SyntheticTrees {

    private SyntheticTrees() {
    }

    /** Every regular file below {@code root}, by relative path ('/'-separated), with its bytes. */
    static Map<String, byte[]> files(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            Map<String, byte[]> out = new TreeMap<>();
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the entries of a folder, sorted. */
    static List<String> names(Path folder) {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
