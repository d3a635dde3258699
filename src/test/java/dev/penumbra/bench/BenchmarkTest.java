package dev.penumbra.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import com.fasterxml.jackson.databind.JsonNode;
import dev.penumbra.InputException;
import dev.penumbra.io.Json;
import dev.penumbra.model.ModelRegistry;
import dev.penumbra.nn.UNetConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkTest {

    private static final UNetConfig TINY = new UNetConfig(1, 2, List.of(4, 8, 16, 32), 3, true, 0, false);
    private static final ConvShape TINY_CONV = new ConvShape(2, 16, 8, 8, 16);

    /** The MC model of the paper once it is registered; until then the softmax model stands in. */
    private static String mcModel() {
        return ModelRegistry.names().contains("mcdropout") ? "mcdropout" : "softmax";
    }

    private static BenchSettings tiny(List<BenchItem> items) {
        return new BenchSettings(TINY, 32, 2, 2, 16, mcModel(), 0.5, TINY_CONV, 0, 1, items, 3, dev.penumbra.nn.Precision.FP32);
    }

    @Test
    void aTinyRunTimesEveryItem() throws Exception {
        BenchReport r = new Benchmark(tiny(BenchItem.all()), Device.cpu()).run();
        assertThat(r.items()).containsOnlyKeys("train_step", "inference", "mc16", "conv_ceiling");
        assertThat(List.copyOf(r.items().keySet())).containsExactly("train_step", "inference", "mc16",
                "conv_ceiling");
        r.items().forEach((key, item) -> {
            assertThat(item.timesMs()).as(key).hasSize(1);
            assertThat(item.medianMs()).as(key).isPositive();
            assertThat(item.minMs()).as(key).isPositive().isLessThanOrEqualTo(item.medianMs());
            assertThat(item.gflop()).as(key).isPositive();
            assertThat(item.gflops()).as(key).isPositive();
            assertThat(item.ceilingFraction()).as(key).isPositive();
        });
        assertThat(r.items().get("conv_ceiling").ceilingFraction()).isEqualTo(1.0);
        long forward = FlopCount.forward(TINY, true, 32, 32);
        assertThat(r.items().get("train_step").gflop()).isEqualTo(3 * forward * 2 / 1e9);
        assertThat(r.items().get("inference").gflop()).isEqualTo(forward * 2 / 1e9);
        assertThat(r.parameters()).isEqualTo(FlopCount.parameters(TINY, true));
        assertThat(r.threads()).isPositive();

        JsonNode json = Json.MAPPER.readTree(Json.toString(r));
        assertThat(json.get("forward_gflop_per_image").asDouble()).isEqualTo(forward / 1e9);
        JsonNode train = json.get("items").get("train_step");
        for (String field : List.of("what", "times_ms", "median_ms", "min_ms", "gflop", "gflops", "ceiling_fraction",
                "peak_rss_mib", "rss_mib")) {
            assertThat(train.has(field)).as("train_step has %s", field).isTrue();
        }
    }

    @Test
    void itemsRunInTheOrderGivenAndOnlyThose() {
        BenchReport r = new Benchmark(tiny(List.of(BenchItem.INFERENCE)), Device.cpu()).run();
        assertThat(r.items()).containsOnlyKeys("inference");
        assertThat(r.items().get("inference").ceilingFraction()).as("no ceiling without the conv item").isNull();
    }

    @Test
    void itemNamesParseInEitherFormAndOnce() {
        assertThat(BenchItem.parse(List.of("conv", "train_step", "train", "MC16")))
                .containsExactly(BenchItem.CONV, BenchItem.TRAIN, BenchItem.MC16);
        assertThatThrownBy(() -> BenchItem.parse(List.of("train", "foo"))).isInstanceOf(InputException.class)
                .hasMessageContaining("--items").hasMessageContaining("'foo'");
    }

    @Test
    void settingsAreCheckedUpFront() {
        assertThatThrownBy(() -> new BenchSettings(TINY, 32, 2, 2, 16, "softmax", 0.5, TINY_CONV, 0, 0,
                BenchItem.all(), 1, dev.penumbra.nn.Precision.FP32)).isInstanceOf(InputException.class).hasMessageContaining("--repeats");
        assertThatThrownBy(() -> new BenchSettings(TINY, 30, 2, 2, 16, "softmax", 0.5, TINY_CONV, 0, 1,
                BenchItem.all(), 1, dev.penumbra.nn.Precision.FP32)).isInstanceOf(InputException.class).hasMessageContaining("--size");
        assertThatThrownBy(() -> new BenchSettings(TINY, 32, 2, 2, 16, "nosuchmodel", 0.5, TINY_CONV, 0, 1,
                BenchItem.all(), 1, dev.penumbra.nn.Precision.FP32)).isInstanceOf(InputException.class).hasMessageContaining("--mc-model");
    }
}
