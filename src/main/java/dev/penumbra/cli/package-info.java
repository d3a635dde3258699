/** The {@code penumbra} command line: picocli commands whose options only parse and build objects. */
package dev.penumbra.cli;
