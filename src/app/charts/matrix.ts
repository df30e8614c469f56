/** The heatmap's chart type (chartjs-chart-matrix), registered when the sweep view loads. */
import { MatrixController, MatrixElement } from 'chartjs-chart-matrix';
import { Chart } from './setup.ts';

Chart.register(MatrixController, MatrixElement);
