package dev.penumbra.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.penumbra.data.DataOptions;
import dev.penumbra.model.ModelSpec;

/**
 * Everything needed to rebuild a trained model and its data: written as {@code run.json} at the start of training
 * and read by {@code predict} and {@code --resume}.
 *
 * @param model       registry name of the model
 * @param settings    what the model is built from: backbone, class weights and the model's own settings
 * @param training    the training settings
 * @param data        the {@code --data} value the run was trained on
 * @param dataOptions how that data was read
 * @param preset      the preset the settings started from
 * @param channels    image channels C_in
 * @param height      image height after resizing
 * @param width       image width after resizing
 */
public record RunSpec(@JsonProperty(required = true) String model,
                      @JsonProperty(required = true) ModelSpec settings,
                      @JsonProperty(required = true) TrainSettings training,
                      @JsonProperty(required = true) String data,
                      @JsonProperty(required = true) DataOptions dataOptions, String preset, int channels,
                      int height, int width) {

    public static final String FILE = "run.json";

    public RunSpec {
        settings = settings == null || model == null ? settings : settings.resolve(model);
    }

    /** @return this run with other training settings */
    public RunSpec withTraining(TrainSettings t) {
        return new RunSpec(model, settings, t, data, dataOptions, preset, channels, height, width);
    }
}
