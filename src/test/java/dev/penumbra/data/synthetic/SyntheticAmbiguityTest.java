package dev.penumbra.data.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.penumbra.Slow;
import dev.penumbra.data.Split;
import dev.penumbra.io.ImageFiles;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The written ambiguous data set (default options) disagrees like LIDC, and its p(a|x) fits its masks. */
@Slow
class SyntheticAmbiguityTest {

    @TempDir
    static Path tmp;

    private static List<Crop> crops;

    @BeforeAll
    static void generate() {
        SyntheticData.write(SyntheticKind.AMBIGUOUS, SyntheticOptions.defaults(), tmp.resolve("lidc"));
        crops = read(tmp.resolve("lidc/LIDC_crops/LIDC_DLCV_version"));
    }

    @Test
    void setHasSplitVotesFullAgreementAndLesionFreeImages() {
        int split = 0;
        int allMark = 0;
        int noneMark = 0;
        for (Crop crop : crops) {
            int marking = 0;
            for (int[] mask : crop.masks) {
                marking += foreground(mask) > 0 ? 1 : 0;
            }
            if (marking == 4) {
                allMark++;
            } else if (marking == 0) {
                noneMark++;
            } else {
                split++;
            }
        }
        // of 112 crops: a good share split, some unanimous, a few without any lesion
        assertThat(split).isGreaterThanOrEqualTo(20);
        assertThat(allMark).isGreaterThanOrEqualTo(10);
        assertThat(noneMark).isBetween(1, 24);
    }

    @Test
    void unanimousAnnotatorsStillDifferInExtent() {
        int differing = 0;
        for (Crop crop : crops) {
            int smallest = Integer.MAX_VALUE;
            int largest = 0;
            for (int[] mask : crop.masks) {
                smallest = Math.min(smallest, foreground(mask));
                largest = Math.max(largest, foreground(mask));
            }
            differing += smallest > 0 && largest > smallest ? 1 : 0;
        }
        assertThat(differing).isGreaterThanOrEqualTo(5);
    }

    @Test
    void truthIsStrictlyBetweenZeroAndOneSomewhere() {
        long between = 0;
        for (Crop crop : crops) {
            for (int v : crop.pax) {
                between += v > 0 && v < 65535 ? 1 : 0;
            }
        }
        assertThat(between).isGreaterThan(100);
    }

    @Test
    void truthIsConsistentWithTheMasks() {
        long certainPixels = 0;
        for (Crop crop : crops) {
            for (int i = 0; i < crop.pax.length; i++) {
                for (int[] mask : crop.masks) {
                    if (crop.pax[i] == 0) {
                        assertThat(mask[i]).as(crop.id + " pixel " + i + " has p = 0").isZero();
                    } else if (crop.pax[i] == 65535) {
                        assertThat(mask[i]).as(crop.id + " pixel " + i + " has p = 1").isEqualTo(255);
                        certainPixels++;
                    }
                }
            }
        }
        assertThat(certainPixels).as("some pixels every annotator marks").isGreaterThan(0);
    }

    @Test
    void truthIsNotTheMeanOfTheFourMasks() {
        int differs = 0;
        for (Crop crop : crops) {
            for (int i = 0; i < crop.pax.length; i++) {
                int votes = 0;
                for (int[] mask : crop.masks) {
                    votes += mask[i] != 0 ? 1 : 0;
                }
                differs += Math.abs(crop.pax[i] / 65535.0 - votes / 4.0) > 0.01 ? 1 : 0;
            }
        }
        assertThat(differs).isGreaterThan(0);
    }

    private record Crop(String id, int[][] masks, int[] pax) {
    }

    private static List<Crop> read(Path splits) {
        List<Crop> crops = new ArrayList<>();
        for (Split split : Split.values()) {
            Path dir = splits.resolve(split.folder());
            for (String image : SyntheticTrees.names(dir.resolve("images"))) {
                String id = image.substring(0, image.length() - 4);
                int[][] masks = new int[4][];
                for (int k = 0; k < 4; k++) {
                    masks[k] = ImageFiles.readLevels(dir.resolve("lesions").resolve(id + "_l" + k + ".png"), new int[2]);
                }
                int[] pax = ImageFiles.readLevels(dir.resolve("truth").resolve(id + "_pax.png"), new int[2]);
                crops.add(new Crop(id, masks, pax));
            }
        }
        assertThat(crops).hasSize(112);
        return crops;
    }

    private static int foreground(int[] mask) {
        int n = 0;
        for (int v : mask) {
            n += v != 0 ? 1 : 0;
        }
        return n;
    }
}
