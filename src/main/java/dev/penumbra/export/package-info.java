/**
 * Models out of Penumbra: {@code penumbra export} writes a trained run's weights and batch-norm statistics as a
 * safetensors file whose tensor names are the state-dict names of the PyTorch twins in
 * {@code python/penumbra_torch.py}, with the model's settings in its metadata so that the Python side builds the
 * network from the file alone.
 */
package dev.penumbra.export;
