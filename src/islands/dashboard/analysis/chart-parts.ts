/**
 * The Chart.js parts the dashboard's charts use, and nothing else: importing the library's namespace would bundle
 * every chart type (about 70 KB gzip); re-exporting named parts lets the bundler leave the rest out.
 */
// No Tooltip: every chart's figures are in the table beside it, which keyboard and screen-reader users reach
// too; a tooltip shows them on hover only, and costs 4 KB of the dashboard's budget. No Legend: ChartFigure
// writes the legend as page text (shared/ChartLegend.svelte).
export { Chart, BarController, BarElement, ScatterController, PointElement, LineElement, CategoryScale, LinearScale, RadarController, RadialLinearScale } from 'chart.js';
