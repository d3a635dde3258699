package dev.penumbra.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.data.Image;
import dev.penumbra.data.Split;
import dev.penumbra.io.ImageFiles;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Determinism and on-disk layout of both kinds. */
class SyntheticDataTest {

    private static final SyntheticOptions SMALL = new SyntheticOptions(32, 5, 3, 2, 7L);

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(SyntheticKind.class)
    void sameSeedGivesByteIdenticalFiles(SyntheticKind kind) {
        SyntheticData.write(kind, SMALL, tmp.resolve("a"));
        SyntheticData.write(kind, SMALL, tmp.resolve("b"));

        Map<String, byte[]> a = SyntheticTrees.files(tmp.resolve("a"));
        Map<String, byte[]> b = SyntheticTrees.files(tmp.resolve("b"));
        assertThat(a).hasSize(expectedFiles(kind, SMALL));
        assertThat(b.keySet()).isEqualTo(a.keySet());
        a.forEach((name, bytes) -> assertThat(b.get(name)).as(name).isEqualTo(bytes));
    }

    @ParameterizedTest
    @EnumSource(SyntheticKind.class)
    void differentSeedGivesDifferentImages(SyntheticKind kind) {
        SyntheticData.write(kind, SMALL, tmp.resolve("a"));
        SyntheticData.write(kind, new SyntheticOptions(32, 5, 3, 2, 8L), tmp.resolve("b"));

        Map<String, byte[]> a = SyntheticTrees.files(tmp.resolve("a"));
        Map<String, byte[]> b = SyntheticTrees.files(tmp.resolve("b"));
        List<String> images = a.keySet().stream().filter(n -> n.contains("/images/")).toList();
        assertThat(images).hasSize(10);
        for (String name : images) {
            assertThat(b.get(name)).as(name).isNotEqualTo(a.get(name));
        }
    }

    @ParameterizedTest
    @EnumSource(SyntheticKind.class)
    void moreTrainImagesLeaveTestImagesUnchanged(SyntheticKind kind) {
        SyntheticData.write(kind, SMALL, tmp.resolve("a"));
        SyntheticData.write(kind, new SyntheticOptions(32, 9, 3, 2, 7L), tmp.resolve("b"));

        // ids are numbered through the splits, so they shift; the contents, in order, must not
        assertThat(splitContents(kind, tmp.resolve("b"), Split.TEST))
                .containsExactlyElementsOf(splitContents(kind, tmp.resolve("a"), Split.TEST));
        assertThat(splitContents(kind, tmp.resolve("b"), Split.VAL))
                .containsExactlyElementsOf(splitContents(kind, tmp.resolve("a"), Split.VAL));
    }

    /**
     * The oracle draws came from a new random stream split off after the others, so every file that existed before
     * them is byte for byte what it was. The hash was taken from the generator before the oracle (version 1, commit
     * b8b702f): {@code penumbra data make-synthetic --kind ambiguous --size 32 --count 10 --seed 7 --out D}, then
     * SHA-256 over each file except synthetic.json, in order of relative path, of the path (UTF-8) followed by the
     * bytes (Python: {@code h.update(p.encode()); h.update(open(p, 'rb').read())}).
     */
    @Test
    void theOracleDrawsLeaveImagesAnnotationsAndTruthAsTheyWereBeforeThem() throws Exception {
        Path out = tmp.resolve("lidc");
        SyntheticData.write(SyntheticKind.AMBIGUOUS, new SyntheticOptions(32, 6, 2, 2, 7L), out);
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        int hashed = 0;
        for (Map.Entry<String, byte[]> f : new java.util.TreeMap<>(SyntheticTrees.files(out)).entrySet()) {
            if (f.getKey().equals("synthetic.json") || f.getKey().matches(".*_o\\d\\d\\.png")) {
                continue;
            }
            sha.update(f.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(f.getValue());
            hashed++;
        }
        assertThat(hashed).isEqualTo(10 * (1 + 4 + 1));
        assertThat(java.util.HexFormat.of().formatHex(sha.digest()))
                .isEqualTo("502cf17625f245a563b327621c8333791274095dd68c1e396b8b02104542ddc2");
    }

    @Test
    void oracleDrawsAreIndependentDrawsOfTheSameAnnotators() {
        // a crop with one faint blob: annotators disagree, so 32 independent draws cannot all be equal, and their
        // mean approaches the true p(a|x) far closer than the four annotations do on average
        SplittableRandom rng = new SplittableRandom(3);
        LidcScene scene = null;
        for (int i = 0; i < 200 && scene == null; i++) {
            LidcScene s = LidcScene.generate("x", "x", 32, rng.split());
            if (s.blobs().size() == 1 && s.blobs().get(0).contrast() < Blob.CLEAR_CONTRAST) {
                scene = s;
            }
        }
        assertThat(scene).isNotNull();
        assertThat(scene.oracle()).hasSize(LidcScene.ORACLE_DRAWS);
        assertThat(scene.oracle().stream().map(m -> Arrays.hashCode(m.pixels())).distinct().count())
                .isGreaterThan(1);
        double[] mean = new double[32 * 32];
        for (var m : scene.oracle()) {
            for (int p = 0; p < mean.length; p++) {
                mean[p] += m.pixels()[p] / (double) LidcScene.ORACLE_DRAWS;
            }
        }
        double worst = 0;
        for (int p = 0; p < mean.length; p++) {
            worst = Math.max(worst, Math.abs(mean[p] - scene.pax()[p]));
            if (scene.pax()[p] == 0f || scene.pax()[p] == 1f) {
                assertThat(mean[p]).as("pixel %d with p(a|x) = %s", p, scene.pax()[p]).isEqualTo(scene.pax()[p]);
            }
        }
        // 32 Bernoulli draws: a standard error of at most 0.09 per pixel; 0.4 is more than 4 of them
        assertThat(worst).isLessThan(0.4);
    }

    @Test
    void ambiguousLayoutHasFourBinaryLesionsAndTruthPerGreyImage() throws IOException {
        SyntheticOptions opts = new SyntheticOptions(40, 4, 2, 3, 1L);
        Path out = tmp.resolve("lidc");
        SyntheticManifest manifest = SyntheticData.write(SyntheticKind.AMBIGUOUS, opts, out);

        assertThat(manifest).isEqualTo(new SyntheticManifest("ambiguous", "lidc", 40, 4, 2, 3, 1L, 4, "2"));
        assertThat(SyntheticManifest.read(out)).contains(manifest);
        assertThat(SyntheticTrees.names(out)).containsExactly("LIDC_crops", "synthetic.json");
        Set<String> patients = new HashSet<>();
        for (Split split : Split.values()) {
            Path dir = out.resolve("LIDC_crops/LIDC_DLCV_version").resolve(split.folder());
            List<String> images = SyntheticTrees.names(dir.resolve("images"));
            assertThat(images).hasSize(opts.count(split)).allMatch(n -> n.matches("SYN-\\d{4}_c0\\.png"));
            assertThat(SyntheticTrees.names(dir)).containsExactly("images", "lesions", "truth");
            assertThat(SyntheticTrees.names(dir.resolve("lesions"))).hasSize(4 * images.size());
            assertThat(SyntheticTrees.names(dir.resolve("truth"))).hasSize((1 + 32) * images.size());
            for (String image : images) {
                String id = image.substring(0, image.length() - 4);
                patients.add(id.substring(0, 8));
                assertGrey8(dir.resolve("images").resolve(image), 40);
                for (int k = 0; k < 4; k++) {
                    assertBinaryMask(dir.resolve("lesions").resolve(id + "_l" + k + ".png"), 40);
                }
                BufferedImage pax = ImageIO.read(dir.resolve("truth").resolve(id + "_pax.png").toFile());
                assertThat(pax.getRaster().getSampleModel().getSampleSize(0)).isEqualTo(16);
                assertThat(pax.getWidth()).isEqualTo(40);
                for (int k = 0; k < 32; k++) {
                    assertBinaryMask(dir.resolve("truth").resolve(String.format("%s_o%02d.png", id, k)), 40);
                }
            }
        }
        assertThat(patients).as("one patient per crop, unique across splits").hasSize(9);
    }

    @Test
    void unambiguousLayoutHasOneBinarySegmentationPerRgbImage() throws IOException {
        SyntheticOptions opts = new SyntheticOptions(48, 3, 2, 2, 1L);
        Path out = tmp.resolve("isic");
        SyntheticManifest manifest = SyntheticData.write(SyntheticKind.UNAMBIGUOUS, opts, out);

        assertThat(manifest).isEqualTo(new SyntheticManifest("unambiguous", "isic", 48, 3, 2, 2, 1L, 1, "2"));
        assertThat(SyntheticTrees.names(out)).containsExactly("synthetic.json", "test", "train", "val");
        Set<String> ids = new HashSet<>();
        for (Split split : Split.values()) {
            Path dir = out.resolve(split.folder());
            List<String> images = SyntheticTrees.names(dir.resolve("images"));
            assertThat(images).hasSize(opts.count(split)).allMatch(n -> n.matches("ISIC_\\d{7}\\.png"));
            assertThat(SyntheticTrees.names(dir.resolve("segmentations"))).hasSize(images.size());
            for (String image : images) {
                String id = image.substring(0, image.length() - 4);
                ids.add(id);
                Image rgb = ImageFiles.readImage(dir.resolve("images").resolve(image));
                assertThat(rgb.channels()).isEqualTo(3);
                assertThat(rgb.height()).isEqualTo(48);
                assertThat(rgb.width()).isEqualTo(48);
                int foreground = assertBinaryMask(dir.resolve("segmentations").resolve(id + "_segmentation.png"), 48);
                assertThat(foreground).as("a visible lesion in " + id).isGreaterThan(48 * 48 / 20);
            }
        }
        assertThat(ids).hasSize(7);
    }

    @Test
    void unambiguousSegmentationIsTheDarkRegion() {
        Path out = tmp.resolve("isic");
        SyntheticData.write(SyntheticKind.UNAMBIGUOUS, new SyntheticOptions(64, 4, 1, 1, 3L), out);

        for (String image : SyntheticTrees.names(out.resolve("train/images"))) {
            String id = image.substring(0, image.length() - 4);
            Image rgb = ImageFiles.readImage(out.resolve("train/images").resolve(image));
            int[] shape = new int[2];
            int[] mask = ImageFiles.readLevels(out.resolve("train/segmentations").resolve(id + "_segmentation.png"),
                    shape);
            double[] grey = new double[mask.length];
            double[] sum = new double[2];
            int[] count = new int[2];
            for (int i = 0; i < mask.length; i++) {
                grey[i] = (rgb.pixels()[i] + rgb.pixels()[mask.length + i] + rgb.pixels()[2 * mask.length + i]) / 3;
                int inside = mask[i] != 0 ? 1 : 0;
                sum[inside] += grey[i];
                count[inside]++;
            }
            double lesion = sum[1] / count[1];
            double skin = sum[0] / count[0];
            assertThat(skin - lesion).as("contrast in " + id).isGreaterThan(0.2);
            // a well-defined boundary: thresholding the image half-way recovers the mask except right at its edge
            double threshold = (lesion + skin) / 2;
            for (int i = 0; i < mask.length; i++) {
                boolean dark = grey[i] < threshold;
                if (dark != (mask[i] != 0)) {
                    assertThat(onMaskEdge(mask, 64, i)).as(id + " pixel " + i).isTrue();
                }
            }
        }
    }

    private static boolean onMaskEdge(int[] mask, int size, int i) {
        int y = i / size;
        int x = i % size;
        int[][] steps = {{0, 1}, {0, -1}, {1, 0}, {-1, 0}};
        for (int[] d : steps) {
            int ny = y + d[0];
            int nx = x + d[1];
            if (ny >= 0 && ny < size && nx >= 0 && nx < size && mask[ny * size + nx] != mask[i]) {
                return true;
            }
        }
        return false;
    }

    private static void assertGrey8(Path file, int size) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        assertThat(img.getRaster().getNumBands()).as(file.toString()).isEqualTo(1);
        assertThat(img.getRaster().getSampleModel().getSampleSize(0)).isEqualTo(8);
        assertThat(img.getWidth()).isEqualTo(size);
        assertThat(img.getHeight()).isEqualTo(size);
    }

    /** Asserts an 8-bit mask of size x size holding only 0 and 255; returns its foreground pixel count. */
    private static int assertBinaryMask(Path file, int size) throws IOException {
        assertGrey8(file, size);
        int[] shape = new int[2];
        int[] levels = ImageFiles.readLevels(file, shape);
        assertThat(Arrays.stream(levels).distinct().boxed().toList()).as(file.toString()).isSubsetOf(0, 255);
        return (int) Arrays.stream(levels).filter(v -> v == 255).count();
    }

    /** The bytes of a split's images and annotations, in id order. */
    private static List<byte[]> splitContents(SyntheticKind kind, Path out, Split split) {
        Path dir = kind == SyntheticKind.AMBIGUOUS
                ? out.resolve("LIDC_crops/LIDC_DLCV_version").resolve(split.folder())
                : out.resolve(split.folder());
        List<byte[]> contents = new ArrayList<>(SyntheticTrees.files(dir).values());
        assertThat(contents).isNotEmpty();
        return contents;
    }

    private static int expectedFiles(SyntheticKind kind, SyntheticOptions opts) {
        int images = opts.train() + opts.val() + opts.test();
        int perImage = kind == SyntheticKind.AMBIGUOUS ? 1 + 4 + 1 + LidcScene.ORACLE_DRAWS : 1 + 1;
        return images * perImage + 1;
    }
}
