/**
 * A chart's configuration, loosely typed: Chart.js's own type cannot express a bar chart with a scatter series on
 * it, which the means-and-intervals chart needs. ChartFigure hands it to Chart.js as it is.
 */
export interface ChartSpec {
  type: 'bar' | 'radar' | 'scatter';
  data: { labels?: string[]; datasets: Record<string, unknown>[] };
  options?: Record<string, unknown>;
  /** A legend under the chart, as page text (ChartLegend), naming each dataset with its colour. */
  legend?: boolean;
}
