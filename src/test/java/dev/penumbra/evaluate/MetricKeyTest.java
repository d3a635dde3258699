package dev.penumbra.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.penumbra.InputException;
import dev.penumbra.io.Json;
import dev.penumbra.metric.Ged;
import dev.penumbra.stats.Bootstrap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys' text is the column and field name the files have always had. */
class MetricKeyTest {

    @Test
    void theTextIsTheNameInTheFiles() {
        assertThat(Metric.GED.at(16)).hasToString("ged@16");
        assertThat(Metric.ged(Ged.Estimator.ALL_PAIRS).at(16)).hasToString("ged_all_pairs@16");
        assertThat(Metric.ged(Ged.Estimator.UNBIASED).at(4)).hasToString("ged_unbiased@4");
        assertThat(Metric.ged(Ged.Estimator.PAPER)).isEqualTo(Metric.GED);
        assertThat(Metric.DIVERSITY_UNBIASED.at(16)).hasToString("diversity_unbiased@16");
        assertThat(Metric.HUNGARIAN_IOU.at(8)).hasToString("hungarian_iou@8");
        assertThat(Metric.ORACLE_FLOOR.at(16)).hasToString("oracle_floor@16");
        assertThat(Metric.SOFT_DICE.key()).hasToString("soft_dice");
        assertThat(Metric.MUTUAL_INFORMATION.key()).hasToString("mutual_information");
    }

    @Test
    void everyKeyReadsBackFromItsText() {
        for (Metric m : Metric.values()) {
            MetricKey key = m.counted() ? m.at(16) : m.key();
            assertThat(MetricKey.valueOf(key.toString())).isEqualTo(key);
        }
        assertThatThrownBy(() -> MetricKey.valueOf("ged")).isInstanceOf(InputException.class)
                .hasMessageContaining("'ged'");
        assertThatThrownBy(() -> MetricKey.valueOf("soft_dice@16")).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> MetricKey.valueOf("ged@x")).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> Metric.NCC.at(16)).hasMessageContaining("no sample count");
    }

    @Test
    void jsonWritesAndReadsKeysAsTheirText() throws Exception {
        Map<MetricKey, Bootstrap.Interval> means = new LinkedHashMap<>();
        means.put(Metric.GED.at(16), new Bootstrap.Interval(0.5, 0.4, 0.6, 0.95, 1000));
        means.put(Metric.SOFT_DICE.key(), new Bootstrap.Interval(0.7, 0.6, 0.8, 0.95, 1000));
        String json = Json.toLine(Map.of("metric", Metric.GED_UNBIASED.at(16), "means", means));
        assertThat(json).contains("\"metric\":\"ged_unbiased@16\"").contains("\"ged@16\":{")
                .contains("\"soft_dice\":{");
        Map<MetricKey, Bootstrap.Interval> read = Json.MAPPER.readValue(Json.toLine(means),
                new TypeReference<LinkedHashMap<MetricKey, Bootstrap.Interval>>() { });
        assertThat(read).isEqualTo(means);
    }
}
