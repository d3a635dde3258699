package dev.penumbra.model;

/**
 * The model settings of a {@code run.json} written before each model had a settings record: the ensemble's
 * members, the Probabilistic U-Net's latent size and beta side by side, MC-Dropout's p and input dropout in the
 * backbone. Only ever a step on the way to the model's own settings ({@link ModelSpec#resolve}).
 */
record LegacySettings(Integer ensembleMembers, Integer latentDim, Double beta) implements ModelSettings {

    ModelSpec upgrade(String model, ModelSpec old) {
        var backbone = old.backbone();
        ModelSettings own = switch (model) {
            case "softmax" -> new SoftmaxUNet.Settings();
            case "ensemble" -> new Ensemble.Settings(ensembleMembers == null ? 4 : ensembleMembers);
            case "mcdropout" -> new McDropoutUNet.Settings(backbone.dropout(), backbone.inputDropout());
            case "punet" -> new ProbabilisticUNet.Settings(latentDim == null ? 6 : latentDim,
                    beta == null ? ProbabilisticUNet.PAPER_BETA : beta);
            default -> throw new dev.penumbra.InputException("a run of model '" + model + "' without its model"
                    + " settings: it was not written by Penumbra");
        };
        return new ModelSpec(backbone.withDropout(0, true), old.classWeights(), own);
    }
}
