package dev.penumbra.data.layout;

import static dev.penumbra.data.layout.PublishedFixtures.ISIC_INPUT;
import static dev.penumbra.data.layout.PublishedFixtures.ISIC_TRUTH;
import static dev.penumbra.data.layout.PublishedFixtures.isicChallenge;
import static dev.penumbra.data.layout.PublishedFixtures.isicImage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.penumbra.InputException;
import dev.penumbra.data.DataFixtures;
import dev.penumbra.data.DataOptions;
import dev.penumbra.data.Dataset;
import dev.penumbra.data.DatasetFiles;
import dev.penumbra.data.DatasetReader;
import dev.penumbra.data.Image;
import dev.penumbra.data.ResizePolicy;
import dev.penumbra.data.Sample;
import dev.penumbra.data.Split;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

class IsicChallengeLayoutTest {

    private static final DataOptions OPTS = DataOptions.defaults();

    private static List<String> ids(Dataset d, Split s) {
        return d.split(s).stream().map(Sample::id).toList();
    }

    private static void trainingOnly(Path root, int count) {
        for (int i = 0; i < count; i++) {
            isicImage(root, Split.TRAIN, String.format("ISIC_%07d", i), 6, 8);
        }
        PublishedFixtures.isicNotices(root, Split.TRAIN);
    }

    @Test
    void readsTheOfficialSplitsPassingOverTheNotices(@TempDir Path root) {
        Dataset d = DatasetReader.read(isicChallenge(root), OPTS);
        assertThat(d.layout()).isEqualTo("isic-challenge");
        assertThat(ids(d, Split.TRAIN)).containsExactly("ISIC_0000000", "ISIC_0000001", "ISIC_0000002");
        assertThat(ids(d, Split.VAL)).containsExactly("ISIC_0000010", "ISIC_0000011");
        assertThat(ids(d, Split.TEST)).containsExactly("ISIC_0000020", "ISIC_0000021");
        Sample s = d.split(Split.VAL).get(0);
        assertThat(s.group()).isEqualTo(s.id());
        assertThat(s.annotators()).isEqualTo(1);
        assertThat(s.image()).isEqualTo(DataFixtures.grey(6, 8, "ISIC_0000010".hashCode() & 0xff));
        assertThat(s.masks().get(0)).isEqualTo(DataFixtures.box(6, 8, 1, 5, 1, 7));
        assertThat(DatasetReader.scan(root, OPTS).split(Split.TEST).get(0).annotators())
                .containsExactly("segmentation");
    }

    @Test
    void readsJpegImagesAsTheChallengeShipsThem(@TempDir Path root) {
        isicChallenge(root);
        Path input = root.resolve(ISIC_INPUT.get(Split.TRAIN));
        DataFixtures.delete(input.resolve("ISIC_0000001.png"));
        DataFixtures.writeRgb(input.resolve("ISIC_0000001.jpg"), 6, 8, 0);
        DatasetFiles files = DatasetReader.scan(root, OPTS);
        assertThat(files.split(Split.TRAIN).get(1).image().getFileName().toString()).isEqualTo("ISIC_0000001.jpg");
    }

    @Test
    void onlyTheTrainingPairIsSplitBySeedEveryImageOnce(@TempDir Path root) {
        trainingOnly(root, 10);
        Dataset d = DatasetReader.read(root, OPTS);
        List<String> all = new ArrayList<>();
        for (Split s : Split.values()) {
            assertThat(d.split(s)).as(s.folder()).isNotEmpty();
            assertThat(ids(d, s)).isSorted();
            all.addAll(ids(d, s));
        }
        assertThat(all).hasSize(10).doesNotHaveDuplicates();
        assertThat(d.split(Split.TRAIN)).hasSize(6);
        Dataset again = DatasetReader.read(root, OPTS);
        Dataset otherSeed = DatasetReader.read(root, OPTS.withSplitSeed(7));
        for (Split s : Split.values()) {
            assertThat(ids(again, s)).as("same seed, same split").isEqualTo(ids(d, s));
        }
        assertThat(ids(otherSeed, Split.TEST)).as("another seed").isNotEqualTo(ids(d, Split.TEST));
    }

    @Test
    void officialValidationIsKeptAndTestIsCarvedFromTraining(@TempDir Path root) {
        trainingOnly(root, 10);
        isicImage(root, Split.VAL, "ISIC_0000100", 6, 8);
        Dataset d = DatasetReader.read(root, OPTS);
        assertThat(ids(d, Split.VAL)).containsExactly("ISIC_0000100");
        assertThat(d.split(Split.TEST)).hasSize(2); // round(0.15 * 10)
        List<String> training = new ArrayList<>(ids(d, Split.TRAIN));
        training.addAll(ids(d, Split.TEST));
        assertThat(training).hasSize(10).doesNotHaveDuplicates().allMatch(id -> !id.equals("ISIC_0000100"));
        assertThat(ids(d, Split.TRAIN)).hasSize(8).isSorted();
    }

    @Test
    void imageWithoutGroundTruthNamesTheExpectedFile(@TempDir Path root) {
        isicChallenge(root);
        DataFixtures.delete(root.resolve(ISIC_TRUTH.get(Split.VAL)).resolve("ISIC_0000011_segmentation.png"));
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessage("image ISIC2018_Task1-2_Validation_Input/ISIC_0000011.png has no ground truth: expected"
                        + " ISIC2018_Task1_Validation_GroundTruth/ISIC_0000011_segmentation.png");
    }

    @Test
    void groundTruthWithoutImageIsAnError(@TempDir Path root) {
        isicChallenge(root);
        DataFixtures.writeBlank(root.resolve(ISIC_TRUTH.get(Split.TEST)).resolve("ISIC_0000099_segmentation.png"),
                6, 8);
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("ground truth ISIC2018_Task1_Test_GroundTruth/ISIC_0000099_segmentation.png"
                        + " has no image: expected ISIC2018_Task1-2_Test_Input/ISIC_0000099.jpg");
    }

    @Test
    void unexpectedFilesAreNamedButTheNoticesAreNot(@TempDir Path root) {
        isicChallenge(root);
        DataFixtures.write(root.resolve(ISIC_INPUT.get(Split.TRAIN)).resolve("README.md"), "x");
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("unexpected file ISIC2018_Task1-2_Training_Input/README.md")
                .hasMessageContaining("ATTRIBUTION.txt and LICENSE.txt");
        DataFixtures.delete(root.resolve(ISIC_INPUT.get(Split.TRAIN)).resolve("README.md"));
        DataFixtures.writeBlank(root.resolve(ISIC_TRUTH.get(Split.TRAIN)).resolve("ISIC_0000000_mask.png"), 6, 8);
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("unexpected file ISIC2018_Task1_Training_GroundTruth/ISIC_0000000_mask.png")
                .hasMessageContaining("<image id>_segmentation.png");
    }

    @Test
    void inputWithoutItsGroundTruthFolderIsAnError(@TempDir Path root) {
        isicChallenge(root);
        DataFixtures.delete(root.resolve(ISIC_TRUTH.get(Split.TEST)));
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("has ISIC2018_Task1-2_Test_Input but not "
                        + root.resolve("ISIC2018_Task1_Test_GroundTruth"));
    }

    @Test
    void withoutTrainingDataNamesWhatIsExpected(@TempDir Path root) {
        isicImage(root, Split.VAL, "ISIC_0000100", 6, 8);
        assertThatThrownBy(() -> DatasetReader.read(root, OPTS)).isInstanceOf(InputException.class)
                .hasMessageContaining("has no training data")
                .hasMessageContaining("ISIC2018_Task1-2_Training_Input/ISIC_<n>.jpg");
    }

    @Test
    void isDetectedAlone(@TempDir Path root) {
        isicChallenge(root);
        assertThat(DatasetLayouts.all().stream().filter(l -> l.recognises(root)).map(DatasetLayout::name))
                .containsExactly("isic-challenge");
        assertThat(DatasetLayouts.choose(root, Optional.of("isic-challenge")).name()).isEqualTo("isic-challenge");
    }

    /**
     * 6 x 8 (H x W) images with the box mask of rows 1..4, columns 1..6: what each policy makes of them. At the
     * square's own side the final scaling is the identity, so padding and cropping show pixel for pixel.
     */
    @Test
    void nonSquareImagesFollowTheResizePolicy(@TempDir Path root) {
        isicChallenge(root);
        Image original = DataFixtures.grey(6, 8, "ISIC_0000000".hashCode() & 0xff);
        Sample squash = DatasetReader.read(root, OPTS.withSize(8)).split(Split.TRAIN).get(0);
        // nearest rows floor((2i + 1) * 6 / 16) = 0, 1, 1, 2, 3, 4, 4, 5: the box's rows 1..4 cover output rows 1..6
        assertThat(squash.masks().get(0)).isEqualTo(DataFixtures.box(8, 8, 1, 7, 1, 7));

        Sample pad = DatasetReader.read(root, OPTS.withSize(8).withResize(ResizePolicy.PAD)).split(Split.TRAIN).get(0);
        // one padded row above and below: the box moves down one row, the padding is background and black
        assertThat(pad.masks().get(0)).isEqualTo(DataFixtures.box(8, 8, 2, 6, 1, 7));
        for (int x = 0; x < 8; x++) {
            assertThat(pad.image().get(0, 0, x)).as("top padding").isZero();
            assertThat(pad.image().get(0, 7, x)).as("bottom padding").isZero();
            for (int y = 0; y < 6; y++) {
                assertThat(pad.image().get(0, y + 1, x)).isEqualTo(original.get(0, y, x));
            }
        }

        Sample crop = DatasetReader.read(root, OPTS.withSize(6).withResize(ResizePolicy.CROP))
                .split(Split.TRAIN).get(0);
        // the centred 6 x 6 is columns 1..6, which the box fills
        assertThat(crop.masks().get(0)).isEqualTo(DataFixtures.box(6, 6, 1, 5, 0, 6));
        for (int y = 0; y < 6; y++) {
            for (int x = 0; x < 6; x++) {
                assertThat(crop.image().get(0, y, x)).isEqualTo(original.get(0, y, x + 1));
            }
        }
    }
}
