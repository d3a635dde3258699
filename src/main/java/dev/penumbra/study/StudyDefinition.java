package dev.penumbra.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.penumbra.active.ActiveSettings;
import dev.penumbra.train.RunSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything a study does, fixed when it starts and written as {@code study.json}: the preset, the data, the run
 * of every model, and the active-learning settings per model (none with {@code --skip-active}).
 *
 * @param preset  preset name
 * @param data    the dataset as given
 * @param runs    the training run of each model, in order
 * @param active  the active-learning settings and base run of each model; empty when skipped
 * @param tuned   settings taken from a tuning, by model ("" when none)
 */
public record StudyDefinition(@JsonProperty(required = true) String preset,
                              @JsonProperty(required = true) String data,
                              @JsonProperty(required = true) Map<String, RunSpec> runs,
                              Map<String, ActiveBase> active, Map<String, String> tuned) {

    public static final String FILE = "study.json";

    /** One model's active-learning experiment. */
    public record ActiveBase(ActiveSettings settings, RunSpec run) {
    }

    /** The independent units, trainings first. */
    public List<StudyUnit> units() {
        List<StudyUnit> units = new ArrayList<>();
        runs.keySet().forEach(m -> units.add(StudyUnit.training(m)));
        active.forEach((m, a) -> {
            for (int i = 0; i < a.settings().seeds(); i++) {
                for (String s : a.settings().strategies()) {
                    units.add(StudyUnit.active(m, s, a.settings().seed(i)));
                }
            }
        });
        return units;
    }
}
