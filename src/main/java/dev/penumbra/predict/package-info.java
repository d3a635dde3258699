/** Applying a trained model to a dataset split and writing its probability, entropy and sample maps. */
package dev.penumbra.predict;
