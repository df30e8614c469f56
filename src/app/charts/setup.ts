/**
 * Chart.js with only what the app uses registered (DESIGN.md), plus the
 * annotation and matrix plugins. Imported once by the chart mounting code;
 * the chart builders themselves are pure and never import this.
 */
import {
  Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip, Legend,
  BarController, BarElement, ScatterController, Title,
} from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';

Chart.register(
  LineController, LineElement, PointElement, LinearScale, CategoryScale, Filler, Tooltip, Legend,
  BarController, BarElement, ScatterController, Title, annotationPlugin, MatrixController, MatrixElement,
);
Chart.defaults.animation = false;
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export { Chart };
