/**
 * Chart.js with only what the app uses registered (DESIGN.md), plus the
 * annotation plugin. Imported once by the chart mounting code; the chart
 * builders themselves are pure and never import this. The matrix controller
 * (heatmaps) is registered by matrix.ts, loaded with the sweep view.
 */
import {
  Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip, Legend,
  BarController, BarElement, ScatterController, Title,
} from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';

Chart.register(
  LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip, Legend,
  BarController, BarElement, ScatterController, Title, annotationPlugin,
);
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export { Chart };
