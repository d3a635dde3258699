package dev.penumbra.model;

/**
 * A model's settings under one preset: its optimiser schedule and its own settings.
 *
 * @param learningRate Adam learning rate
 * @param maxEpochs    epoch cap
 * @param patience     early-stopping patience in epochs (0 = off)
 * @param settings     the model's own settings
 * @param <S>          the model's settings record
 */
public record ModelDefaults<S extends ModelSettings>(float learningRate, int maxEpochs, int patience, S settings) {
}
