/** The self-contained HTML report of an evaluation: figures embedded, every table and test, provenance. */
package dev.penumbra.report;
