package dev.penumbra.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.penumbra.config.Seeds;
import dev.penumbra.data.Sample;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplerTest {

    private static final List<Sample> IMAGES = TinySamples.squares(5, 16, 1, 3);

    /** Batches of each image's samples, as the consumer sees them: ids and n x B x C x H x W probabilities. */
    private static List<Object> draw(long seed, int batchSize) {
        ProbabilisticSegmenter model = ModelContractTest.create("mcdropout", 2);
        List<Object> seen = new ArrayList<>();
        try (NDManager m = NDManager.newBaseManager()) {
            Seeds.WEIGHTS.seedEngine(5);
            model.block().initialize(m, DataType.FLOAT32, new Shape(1, 1, 16, 16));
            Sampler sampler = new Sampler(model, new ParameterStore(m, false), m, batchSize, seed);
            sampler.sample(IMAGES, 3, (part, p) -> {
                seen.add(part.stream().map(Sample::id).toList());
                seen.add(p.probabilities().getShape());
                seen.add(p.probabilities().toFloatArray());
            });
        }
        return seen;
    }

    @Test
    void batchesCoverTheImagesInOrderWithTheDocumentedShape() {
        List<Object> seen = draw(1, 2);
        assertThat(seen).hasSize(9);
        assertThat(seen.get(0)).isEqualTo(List.of("sq0", "sq1"));
        assertThat(seen.get(1)).isEqualTo(new Shape(3, 2, 2, 16, 16));
        assertThat(seen.get(6)).isEqualTo(List.of("sq4"));
        assertThat(seen.get(7)).isEqualTo(new Shape(3, 1, 2, 16, 16));
    }

    @Test
    void theSeedGivesTheSamples() {
        List<Object> first = draw(1, 2);
        List<Object> again = draw(1, 2);
        for (int batch = 0; batch < 3; batch++) {
            assertThat((float[]) again.get(3 * batch + 2)).isEqualTo((float[]) first.get(3 * batch + 2));
        }
        assertThat((float[]) draw(2, 2).get(2)).isNotEqualTo((float[]) first.get(2));
    }

    @Test
    void foregroundMasksReadOneImageOutOfTheSampleMajorLayout() {
        // n = 2 samples of B = 2 images of 2 pixels: sample 0 of image 0, of image 1, sample 1 of image 0, of image 1
        long[] masks = {0, 1, 2, 0, 1, 1, 0, 0};
        List<byte[]> image1 = Sampler.foregroundMasks(masks, 1, 2, 2, 2);
        assertThat(image1).containsExactly(new byte[] {1, 0}, new byte[] {0, 0});
        assertThat(Sampler.foregroundMasks(masks, 0, 2, 2, 1)).containsExactly(new byte[] {0, 1});
    }
}
