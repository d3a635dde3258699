package dev.penumbra.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.data.DataFixtures;
import dev.penumbra.io.Json;
import dev.penumbra.io.OddPictures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed inputs across the commands, each generated here: every case is either read as it looks (exit 0, and the
 * summary shows what the picture shows) or refused with exit 2 and a message naming the file or option, never with a
 * stack trace; and the user's folders (data, runs) are byte-identical afterwards.
 */
class MalformedInputsTest {

    private static final int WHITE = 0xffffff;
    private static final int BLACK = 0x000000;
    private static final int N = 8;

    @TempDir
    static Path tmp;
    static Path synthetic;
    static Path run;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    /** One case: what to set up in a fresh folder, the command line, and what must come of it. */
    private record Case(String name, Function<Path, String[]> setUp, Expect expect) {
    }

    /** Accepted with a given foreground share of the train masks, or refused with messages that must appear. */
    private record Expect(Double trainForeground, List<String> mentions) {
        static Expect reads(double foreground) {
            return new Expect(foreground, List.of());
        }

        static Expect refused(String... mentions) {
            return new Expect(null, List.of(mentions));
        }
    }

    @BeforeAll
    static void trainOneRun() {
        synthetic = tmp.resolve("synthetic");
        Cli made = Cli.run("data", "make-synthetic", "--kind", "ambiguous", "--out", synthetic.toString(), "--size",
                "32", "--count", "10");
        assertThat(made.exitCode()).as(made.err()).isZero();
        run = tmp.resolve("run");
        Cli trained = Cli.run("train", "--model", "softmax", "--data", synthetic.toString(), "--out", run.toString(),
                "--preset", "demo", "--size", "32", "--filters", "4,8,16,32", "--batch-size", "4", "--max-epochs",
                "1", "--quiet", "--threads", "2");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
    }

    @TestFactory
    Stream<DynamicTest> everyMalformedInputIsReadAsItLooksOrRefusedCleanly() {
        List<Case> cases = new ArrayList<>();
        cases.addAll(imageCases());
        cases.addAll(maskCases());
        cases.addAll(optionCases());
        cases.addAll(outputCases());
        cases.addAll(runFileCases());
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> check(c)));
    }

    private static void check(Case c) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("case" + COUNTER.incrementAndGet()));
        String[] args = c.setUp().apply(dir);
        Map<String, String> before = snapshot(dir, synthetic, run);
        Cli r = Cli.run(args);
        assertThat(snapshot(dir, synthetic, run)).as("the user's folders after " + c.name()).isEqualTo(before);
        assertThat(r.err()).as(c.name()).doesNotContain("\tat ").doesNotContain("Exception");
        if (c.expect().trainForeground() == null) {
            assertThat(r.isCleanInputError()).as(c.name() + ": " + r.err() + r.out()).isTrue();
            assertThat(r.err()).as(c.name() + ": the error, not the whole usage").doesNotContain("Usage:");
            for (String m : c.expect().mentions()) {
                assertThat(r.err()).as(c.name()).contains(m);
            }
        } else {
            assertThat(r.exitCode()).as(c.name() + ": " + r.err()).isZero();
            JsonNode summary = Json.MAPPER.readTree(r.out());
            assertThat(summary.get("splits").get(0).get("meanForeground").asDouble()).as(c.name())
                    .isCloseTo(c.expect().trainForeground(), org.assertj.core.api.Assertions.within(1e-9));
        }
    }

    // ---- images: the train image of a small generic dataset is replaced ----

    private static List<Case> imageCases() {
        List<Case> cases = new ArrayList<>();
        cases.add(image("a palette grey image", "a.png", f -> OddPictures.palette(f, new int[] {0x404040, WHITE},
                checker()), Expect.reads(0.25)));
        cases.add(everyImage("a palette colour image", f -> OddPictures.palette(f, new int[] {0xff0000, 0x00ff00},
                checker()), Expect.reads(0.25)));
        cases.add(image("a CMYK JPEG", "a.jpg", f -> OddPictures.cmykJpeg(f, N, N, 0, 200, 200, 0),
                Expect.refused("a.jpg", "CMYK")));
        cases.add(image("a float TIFF in [0, 1]", "a.tif", f -> OddPictures.floatTiff(f, floats(0.5f)),
                Expect.reads(0.25)));
        cases.add(image("a float TIFF above 1", "a.tif", f -> OddPictures.floatTiff(f, floats(300f)),
                Expect.refused("a.tif", "[0, 1]")));
        cases.add(image("a float TIFF with NaN", "a.tif", f -> OddPictures.floatTiff(f, floats(Float.NaN)),
                Expect.refused("a.tif", "NaN")));
        cases.add(image("a signed 16-bit TIFF", "a.tif", f -> OddPictures.signedShortTiff(f, N, N, (short) -1000),
                Expect.refused("a.tif", "signed 16-bit")));
        cases.add(image("a PNG declaring 40000 x 40000 pixels", "a.png", f -> OddPictures.hugePng(f, 40000, 40000),
                Expect.refused("a.png", "40000 x 40000", "megapixels")));
        cases.add(image("a truncated PNG", "a.png", f -> DataFixtures.truncate(DataFixtures.writeGrey(f, N, N, 1)),
                Expect.refused("a.png", "damaged or truncated")));
        cases.add(image("an empty image file", "a.png", f -> DataFixtures.write(f, ""), Expect.refused("a.png")));
        cases.add(image("a text file named .png", "a.png", f -> DataFixtures.write(f, "not a picture\n"),
                Expect.refused("a.png")));
        cases.add(everyImage("an RGBA image", f -> OddPictures.rgba(f, fill(0x80ff0000)), Expect.reads(0.25)));
        cases.add(image("an image of another size than its mask", "a.png", f -> DataFixtures.writeGrey(f, 4, 4, 1),
                Expect.refused("a.png")));
        return cases;
    }

    // ---- masks: annotator r1's mask of the train image is replaced; the lesion is the top-left quadrant ----

    private static List<Case> maskCases() {
        List<Case> cases = new ArrayList<>();
        cases.add(mask("a palette mask whose index 0 is white", f -> OddPictures.palette(f, new int[] {WHITE, BLACK},
                invert(quadrant())), Expect.reads(0.25)));
        cases.add(mask("a palette mask whose index 1 is white", f -> OddPictures.palette(f, new int[] {BLACK, WHITE},
                quadrant()), Expect.reads(0.25)));
        cases.add(mask("a mask drawn in green", f -> OddPictures.rgb(f, colour(0x00ff00, BLACK)), Expect.reads(0.25)));
        cases.add(mask("a mask drawn in blue", f -> OddPictures.rgb(f, colour(0x0000ff, BLACK)), Expect.reads(0.25)));
        cases.add(mask("a grey mask stored as RGB", f -> OddPictures.rgb(f, colour(WHITE, BLACK)), Expect.reads(0.25)));
        cases.add(mask("a red mask on white", f -> OddPictures.rgb(f, colour(0xff0000, WHITE)),
                Expect.refused("masks/r1/a.png", "neither of which is black")));
        cases.add(mask("a colour mask with three colours", f -> OddPictures.rgb(f, threeColours()),
                Expect.refused("masks/r1/a.png", "more than two colours", "--mask-threshold")));
        cases.add(new Case("a colour mask with three colours and --mask-threshold", dir -> {
            dataset(dir);
            OddPictures.rgb(dir.resolve("train/masks/r1/a.png"), threeColours());
            return check(dir, "--mask-threshold", "0.5");
        }, Expect.reads(0.25)));
        cases.add(mask("an RGBA mask with a transparent white background",
                f -> OddPictures.rgba(f, transparentBackground()), Expect.reads(0.25)));
        cases.add(mask("a grey mask with three levels", f -> DataFixtures.writeLevels(f, threeLevels()),
                Expect.refused("masks/r1/a.png", "3 distinct levels", "--mask-threshold")));
        cases.add(mask("a mask declaring 40000 x 40000 pixels", f -> OddPictures.hugePng(f, 40000, 40000),
                Expect.refused("a.png", "40000 x 40000")));
        cases.add(mask("a mask of another size than its image", f -> DataFixtures.writeBlank(f, 4, 4),
                Expect.refused("a.png")));
        cases.add(mask("a truncated mask", f -> DataFixtures.truncate(DataFixtures.writeLevels(f, quadrant())),
                Expect.refused("a.png", "damaged or truncated")));
        cases.add(new Case("a palette mask of class indices with --classes 3", dir -> {
            dataset(dir);
            for (String split : List.of("train", "val", "test")) {
                OddPictures.palette(dir.resolve(split + "/masks/r1/" + idOf(split) + ".png"),
                        new int[] {BLACK, 0x800000, 0x008000},
                        quadrant());
            }
            return check(dir, "--classes", "3");
        }, Expect.reads(0.25)));
        cases.add(new Case("a colour mask with --classes 3", dir -> {
            dataset(dir);
            OddPictures.rgb(dir.resolve("train/masks/r1/a.png"), colour(0x00ff00, BLACK));
            return check(dir, "--classes", "3");
        }, Expect.refused("masks/r1/a.png", "--classes")));
        cases.add(new Case("a CMYK JPEG mask", dir -> {
            dataset(dir);
            delete(dir.resolve("train/masks/r1/a.png"));
            OddPictures.cmykJpeg(dir.resolve("train/masks/r1/a.jpg"), N, N, 0, 0, 0, 255);
            return check(dir);
        }, Expect.refused("a.jpg")));
        return cases;
    }

    // ---- options ----

    private static List<Case> optionCases() {
        List<Case> cases = new ArrayList<>();
        cases.add(dataOption("--size 100000", Expect.refused("--size", "100000", "4096"), "--size", "100000"));
        cases.add(dataOption("--size -1", Expect.refused("--size", "-1"), "--size", "-1"));
        cases.add(dataOption("--size abc", Expect.refused("--size", "abc"), "--size", "abc"));
        cases.add(dataOption("--mask-threshold 1.5", Expect.refused("--mask-threshold", "1.5"), "--mask-threshold",
                "1.5"));
        cases.add(dataOption("--classes 1", Expect.refused("--classes"), "--classes", "1"));
        cases.add(dataOption("a mistyped option", Expect.refused("--sise", "--help"), "--sise", "32"));
        cases.add(new Case("train with a mistyped option", dir -> new String[] {"train", "--sise", "32"},
                Expect.refused("Missing required option", "unknown option or argument: --sise 32", "--help")));
        cases.add(new Case("a missing data folder", dir -> new String[] {"data", "check", dir.resolve("nope")
                .toString()}, Expect.refused("nope")));
        cases.add(new Case("a data folder with a non-ASCII name", dir -> {
            Path data = dir.resolve("Größe-données");
            dataset(data);
            return new String[] {"data", "check", "--json", data.toString()};
        }, Expect.reads(0.25)));
        cases.add(new Case("evaluate --data /", dir -> new String[] {"evaluate", "--runs", run.toString(), "--data",
                "/", "--out", dir.resolve("eval").toString(), "--quiet"}, Expect.refused("/")));
        cases.add(new Case("predict --samples 0", dir -> new String[] {"predict", "--run", run.toString(),
                "--samples", "0", "--out", dir.resolve("p").toString(), "--quiet"}, Expect.refused("--samples")));
        return cases;
    }

    // ---- output folders: never inside an input, never over something, never two writers ----

    private static List<Case> outputCases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("predict --out inside the data", dir -> predict(synthetic.resolve("test/images/pred")),
                Expect.refused("--out", "lies inside --data")));
        cases.add(new Case("predict --out inside the run", dir -> predict(run.resolve("pred")),
                Expect.refused("--out", "lies inside --run")));
        cases.add(new Case("predict --out a non-empty folder", dir -> {
            DataFixtures.write(dir.resolve("out/notes.txt"), "mine");
            return predict(dir.resolve("out"));
        }, Expect.refused("--out", "not empty")));
        cases.add(new Case("predict --out a file", dir -> {
            DataFixtures.write(dir.resolve("out"), "mine");
            return predict(dir.resolve("out"));
        }, Expect.refused("--out", "is a file")));
        cases.add(new Case("predict --out a folder another process holds", dir -> {
            DataFixtures.write(dir.resolve(".out.lock"), "host another-node\npid 1\nstarted unknown\n");
            return predict(dir.resolve("out"));
        }, Expect.refused("--out", "in use by another Penumbra command", "another-node")));
        cases.add(new Case("evaluate --out inside a run", dir -> new String[] {"evaluate", "--runs", run.toString(),
                "--out", run.resolve("eval").toString(), "--quiet"}, Expect.refused("--out", "lies inside --runs")));
        cases.add(new Case("train --out inside the data", dir -> new String[] {"train", "--model", "softmax",
                "--data", synthetic.toString(), "--out", synthetic.resolve("run").toString(), "--preset", "demo",
                "--quiet"}, Expect.refused("--out", "lies inside --data")));
        cases.add(new Case("train --data inside --out", dir -> {
            dataset(dir.resolve("mine/data"));
            return new String[] {"train", "--model", "softmax", "--data", dir.resolve("mine/data").toString(),
                "--out", dir.resolve("mine").toString(), "--preset", "demo", "--quiet"};
        }, Expect.refused("--data", "lies inside --out")));
        cases.add(new Case("train --out a folder another process holds", dir -> {
            DataFixtures.write(dir.resolve(".r.lock"), "host another-node\npid 1\nstarted unknown\n");
            return new String[] {"train", "--model", "softmax", "--data", synthetic.toString(), "--out",
                dir.resolve("r").toString(), "--preset", "demo", "--quiet"};
        }, Expect.refused("--out", "in use")));
        return cases;
    }

    // ---- the run's own files, damaged: a copy of the trained run is broken in each case ----

    private static List<Case> runFileCases() {
        List<Case> cases = new ArrayList<>();
        cases.add(brokenRun("run.json holding null", "run.json", "null"));
        cases.add(brokenRun("run.json holding garbage", "run.json", "{{{"));
        cases.add(brokenRun("an empty run.json", "run.json", ""));
        cases.add(new Case("a truncated checkpoint", dir -> {
            Path copy = copyRun(dir);
            DataFixtures.truncate(copy.resolve("checkpoints/best.params"));
            return predict(copy, dir.resolve("p"));
        }, Expect.refused("best.params")));
        return cases;
    }

    // ---- helpers ----

    private static Case brokenRun(String name, String file, String content) {
        return new Case(name, dir -> {
            Path copy = copyRun(dir);
            DataFixtures.write(copy.resolve(file), content);
            return predict(copy, dir.resolve("p"));
        }, Expect.refused(file));
    }

    private static Path copyRun(Path dir) {
        Path copy = dir.resolve("run");
        try {
            Trees.copy(run, copy);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return copy;
    }

    private static String[] predict(Path out) {
        return predict(run, out);
    }

    private static String[] predict(Path from, Path out) {
        return new String[] {"predict", "--run", from.toString(), "--samples", "2", "--out", out.toString(),
            "--quiet"};
    }

    private static Case image(String name, String file, Function<Path, Path> write, Expect expect) {
        return new Case(name, dir -> {
            dataset(dir);
            delete(dir.resolve("train/images/a.png"));
            write.apply(dir.resolve("train/images").resolve(file));
            return check(dir);
        }, expect);
    }

    /** Every split's image replaced (colour images: the splits must agree on the channels). */
    private static Case everyImage(String name, Function<Path, Path> write, Expect expect) {
        return new Case(name, dir -> {
            dataset(dir);
            for (String split : List.of("train", "val", "test")) {
                write.apply(dir.resolve(split + "/images/" + idOf(split) + ".png"));
            }
            return check(dir);
        }, expect);
    }

    private static Case mask(String name, Function<Path, Path> write, Expect expect) {
        return new Case(name, dir -> {
            dataset(dir);
            write.apply(dir.resolve("train/masks/r1/a.png"));
            return check(dir);
        }, expect);
    }

    private static Case dataOption(String name, Expect expect, String... options) {
        return new Case(name, dir -> {
            dataset(dir);
            String[] base = check(dir);
            String[] args = new String[base.length + options.length];
            System.arraycopy(base, 0, args, 0, base.length);
            System.arraycopy(options, 0, args, base.length, options.length);
            return args;
        }, expect);
    }

    private static String[] check(Path dir, String... extra) {
        List<String> args = new ArrayList<>(List.of("data", "check", "--json", dir.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** The id of the one image of a split: a (train), b (val), c (test); ids must differ across splits. */
    private static String idOf(String split) {
        return switch (split) {
            case "train" -> "a";
            case "val" -> "b";
            default -> "c";
        };
    }

    /** A generic-layout dataset, one 8 x 8 image per split, annotator r1 marking the top-left quadrant. */
    private static void dataset(Path dir) {
        for (String split : List.of("train", "val", "test")) {
            String id = idOf(split);
            DataFixtures.writeGrey(dir.resolve(split + "/images/" + id + ".png"), N, N, 1);
            DataFixtures.writeLevels(dir.resolve(split + "/masks/r1/" + id + ".png"), quadrant());
        }
    }

    private static int[][] quadrant() {
        int[][] m = new int[N][N];
        for (int y = 0; y < N / 2; y++) {
            for (int x = 0; x < N / 2; x++) {
                m[y][x] = 1;
            }
        }
        return m;
    }

    private static int[][] invert(int[][] m) {
        int[][] out = new int[N][N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                out[y][x] = 1 - m[y][x];
            }
        }
        return out;
    }

    private static int[][] checker() {
        int[][] m = new int[N][N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                m[y][x] = (x + y) % 2;
            }
        }
        return m;
    }

    private static int[][] colour(int foreground, int background) {
        int[][] q = quadrant();
        int[][] out = new int[N][N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                out[y][x] = q[y][x] == 1 ? foreground : background;
            }
        }
        return out;
    }

    private static int[][] fill(int argb) {
        int[][] out = new int[N][N];
        for (int[] row : out) {
            java.util.Arrays.fill(row, argb);
        }
        return out;
    }

    private static int[][] threeColours() {
        // lesion in bright green, a faint red smear (64 of 255) beside it, black elsewhere
        int[][] out = colour(0x00ff00, BLACK);
        out[N - 1][N - 1] = 0x400000;
        return out;
    }

    private static int[][] threeLevels() {
        int[][] out = quadrant();
        out[N - 1][N - 1] = 2;
        return out;
    }

    private static int[][] transparentBackground() {
        int[][] q = quadrant();
        int[][] out = new int[N][N];
        for (int y = 0; y < N; y++) {
            for (int x = 0; x < N; x++) {
                out[y][x] = q[y][x] == 1 ? 0xffff0000 : 0x00ffffff;
            }
        }
        return out;
    }

    private static float[][] floats(float v) {
        float[][] out = new float[N][N];
        for (float[] row : out) {
            java.util.Arrays.fill(row, v);
        }
        return out;
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Path (relative to its root) and SHA-256 of every file under the given folders. */
    private static Map<String, String> snapshot(Path... roots) throws Exception {
        Map<String, String> out = new TreeMap<>();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Path root : roots) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path p : walk.sorted().toList()) {
                    String key = root.getFileName() + "/" + root.relativize(p);
                    out.put(key, Files.isDirectory(p) ? "dir"
                            : HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
                }
            }
        }
        return out;
    }
}
