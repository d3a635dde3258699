/** Pure functions on predictions and annotations: pixel uncertainty, overlap and distance measures. */
package dev.penumbra.metric;
