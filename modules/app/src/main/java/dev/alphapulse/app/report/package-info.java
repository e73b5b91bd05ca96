/**
 * The HTML report: {@link dev.alphapulse.app.report.ReportModel} gathers what one run produced (its
 * statistics, equity curve, trades, optionally the best parameter sets of a sweep and extra charts
 * such as Monte Carlo bands) and {@link dev.alphapulse.app.report.HtmlReport} renders it as one
 * self-contained HTML file that opens offline: uPlot's script and style are inlined from the
 * webjar, chart data is embedded as JSON and downsampled so a million-bar series stays a small
 * file.
 */
package dev.alphapulse.app.report;
