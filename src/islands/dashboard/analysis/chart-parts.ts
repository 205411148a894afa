/**
 * The Chart.js parts the dashboard's charts use, and nothing else: importing the library's namespace would bundle
 * every chart type (about 70 KB gzip); re-exporting named parts lets the bundler leave the rest out.
 */
export { Chart, BarController, BarElement, ScatterController, PointElement, LineElement, CategoryScale, LinearScale, RadarController, RadialLinearScale, Filler, Legend, Tooltip } from 'chart.js';
