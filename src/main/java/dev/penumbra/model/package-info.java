/**
 * The probabilistic segmentation models behind one interface, {@link dev.penumbra.model.ProbabilisticSegmenter},
 * and the registry that creates them by short name.
 */
package dev.penumbra.model;
