/**
 * The paper's charts: box plots, lines with error bars, reliability and risk-coverage curves, bars with confidence
 * intervals, in one look ({@link dev.penumbra.figure.ChartStyle}), each written as PNG and SVG from the same Java2D
 * drawing ({@link dev.penumbra.figure.FigureFiles}). Charts only draw numbers they are given; they compute nothing
 * but the quartiles a box plot needs.
 */
package dev.penumbra.figure;
