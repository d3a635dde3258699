/**
 * Active learning (PROTOCOL.md "Active learning"): rounds of training from scratch on a growing labelled set, pool
 * scoring through the models' sampling, acquisition functions behind one interface, per-round manifests that make
 * an experiment resumable, and the learning curves.
 */
package dev.penumbra.active;
