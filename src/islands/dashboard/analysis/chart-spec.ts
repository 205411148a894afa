/**
 * A chart's configuration, loosely typed: Chart.js's own type cannot express a bar chart with a scatter series on
 * it, which the means-and-intervals chart needs. ChartFigure hands it to Chart.js as it is.
 */
export interface ChartSpec {
  type: 'bar' | 'radar' | 'scatter';
  data: { labels?: string[]; datasets: Record<string, unknown>[] };
  options?: Record<string, unknown>;
}
