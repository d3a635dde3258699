/** Settings records of runs, and the provenance written beside every output. */
package dev.penumbra.config;
