/**
 * DJL building blocks of the shared U-Net backbone: convolution blocks, channel dropout that stays on for
 * Monte-Carlo sampling, exact bilinear (align-corners) upsampling, and the U-Net itself.
 */
package dev.penumbra.nn;
