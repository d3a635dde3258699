/**
 * The paper's charts: box plots, lines with error bars, reliability and risk-coverage curves, bars with confidence
 * intervals, in one look ({@link dev.penumbra.figure.ChartStyle}), each written as PNG and SVG from the same Java2D
 * drawing ({@link dev.penumbra.figure.FigureFiles}). Charts only draw numbers they are given; they compute nothing
 * but the quartiles and counts a box plot needs and the axis ranges that frame the data
 * ({@link dev.penumbra.figure.AxisRanges}).
 */
package dev.penumbra.figure;
