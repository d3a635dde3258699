package dev.penumbra.data;

import static dev.penumbra.data.DataFixtures.box;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.penumbra.data.DatasetSummary.SplitSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

class DatasetSummaryTest {

    /**
     * Three annotators r1..r3 on 8 x 8 images, each split alike: "agree" all mark the same 2 x 2 box, "disagree"
     * only r1 marks it, "blank" nobody marks anything. Foreground fractions of the 9 masks: 4 x 4/64, 5 x 0.
     */
    private static Path threeAnnotatorSet(Path root) {
        for (Split s : Split.values()) {
            Path dir = root.resolve(s.folder());
            for (String id : new String[] {"agree", "disagree", "blank"}) {
                DataFixtures.writeGrey(dir.resolve("images").resolve(s.folder() + "-" + id + ".png"), 8, 8, 0);
                for (String r : new String[] {"r1", "r2", "r3"}) {
                    boolean marks = id.equals("agree") || (id.equals("disagree") && r.equals("r1"));
                    DataFixtures.writeMask(dir.resolve("masks").resolve(r).resolve(s.folder() + "-" + id + ".png"),
                            marks ? box(8, 8, 2, 4, 2, 4) : Mask.blank(8, 8));
                }
            }
        }
        return root;
    }

    @Test
    void agreementFractionsOnAThreeAnnotatorSet(@TempDir Path root) {
        DatasetSummary summary = DatasetSummary.summarise(DatasetReader.read(threeAnnotatorSet(root),
                DataOptions.defaults()));
        assertThat(summary.layout()).isEqualTo("folder");
        assertThat(summary.root()).isEqualTo(root.toString());
        assertThat(summary.splits()).extracting(SplitSummary::split).containsExactly("train", "val", "test");
        SplitSummary train = summary.splits().get(0);
        assertThat(train.images()).isEqualTo(3);
        assertThat(train.channels()).isEqualTo(1);
        assertThat(train.sizes()).isEqualTo(Map.of("8x8", 3));
        assertThat(train.annotators()).isEqualTo(Map.of(3, 3));
        assertThat(train.lesionVotes()).isEqualTo(Map.of(0, 1, 1, 1, 3, 1));
        assertThat(train.allAgree()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(train.splitVotes()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(train.allBlank()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(train.meanForeground()).isCloseTo(4 * (4.0 / 64) / 9, within(1e-12));
        assertThat(train.fullMasks()).isZero();
    }

    @Test
    void streamingSummaryEqualsTheInMemoryOne(@TempDir Path root) {
        threeAnnotatorSet(root);
        assertThat(DatasetSummary.summarise(root, DataOptions.defaults()))
                .isEqualTo(DatasetSummary.summarise(DatasetReader.read(root, DataOptions.defaults())));
    }

    @Test
    void mixedNativeSizesAreCountedNotRejected(@TempDir Path root) {
        DataFixtures.isic(root, new String[] {"a", "b"}, new String[] {"c"}, new String[] {"d"});
        DataFixtures.isicSample(root.resolve("train"), "e", 12, 10, Mask.blank(12, 10));
        DataFixtures.writeConstant(root.resolve("train/segmentations/b_segmentation.png"), 8, 8, 255);
        SplitSummary train = DatasetSummary.summarise(root, DataOptions.defaults()).splits().get(0);
        assertThat(train.sizes()).containsExactly(Map.entry("8x8", 2), Map.entry("12x10", 1));
        assertThat(train.annotators()).isEqualTo(Map.of(1, 3));
        assertThat(train.allAgree()).isEqualTo(1.0); // one annotator always agrees with itself
        assertThat(train.allBlank()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(train.fullMasks()).isEqualTo(1);
    }

    @Test
    void serialisesToJsonAndBack(@TempDir Path root) throws Exception {
        DatasetSummary summary = DatasetSummary.summarise(threeAnnotatorSet(root), DataOptions.defaults());
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(summary);
        JsonNode tree = json.readTree(text);
        assertThat(tree.get("layout").asText()).isEqualTo("folder");
        assertThat(tree.get("splits").get(1).get("split").asText()).isEqualTo("val");
        assertThat(tree.get("splits").get(0).get("sizes").get("8x8").asInt()).isEqualTo(3);
        assertThat(tree.get("splits").get(0).get("allAgree").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(json.readValue(text, DatasetSummary.class)).isEqualTo(summary);
    }

    @Test
    void textIsAnAlignedTableWithOneRowPerSplit(@TempDir Path root) {
        String text = DatasetSummary.summarise(threeAnnotatorSet(root), DataOptions.defaults()).toText();
        String[] lines = text.split("\n");
        assertThat(lines[0]).isEqualTo("layout  folder");
        assertThat(lines[1]).isEqualTo("root    " + root);
        assertThat(lines[3]).startsWith("split  images  channels  sizes (images)");
        assertThat(lines[4]).startsWith("train").contains("8x8 (3)", "3 (3)", "66.7%", "33.3%", "2.8%");
        assertThat(lines).hasSize(7);
        // right-aligned number columns end where their header ends
        int imagesEnd = lines[3].indexOf("images") + "images".length();
        for (int i = 4; i < 7; i++) {
            assertThat(lines[i].charAt(imagesEnd - 1)).isEqualTo('3');
        }
    }

    @Test
    void withOneAnnotatorPerImageTheTableLeavesOutAgreementAndSaysWhy(@TempDir Path root) {
        for (Split s : Split.values()) {
            Path dir = root.resolve(s.folder());
            for (String id : new String[] {"marked", "blank"}) {
                DataFixtures.writeGrey(dir.resolve("images").resolve(s.folder() + "-" + id + ".png"), 8, 8, 0);
                DataFixtures.writeMask(dir.resolve("masks").resolve("r1").resolve(s.folder() + "-" + id + ".png"),
                        id.equals("marked") ? box(8, 8, 2, 4, 2, 4) : Mask.blank(8, 8));
            }
        }
        DatasetSummary summary = DatasetSummary.summarise(root, DataOptions.defaults());
        assertThat(summary.multipleAnnotators()).isFalse();
        String text = summary.toText();
        String[] lines = text.split("\n");
        assertThat(lines[3]).contains("annotators (images)", "blank masks", "mean foreground")
                .doesNotContain("all agree").doesNotContain("split votes");
        assertThat(lines[4]).startsWith("train").contains("1 (2)", "50.0%", "3.1%");
        assertThat(text).endsWith("\none annotator per image: no annotator agreement to report\n");

        String several = DatasetSummary.summarise(threeAnnotatorSet(root.resolve("three")), DataOptions.defaults())
                .toText();
        assertThat(several).contains("all agree", "split votes").doesNotContain("no annotator agreement");
    }
}
