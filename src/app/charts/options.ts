/**
 * Chart.js options every time-series chart shares (DESIGN.md): data are
 * {x, y} points, so no parsing; no animation; the chart fills its box; the
 * tooltip shows every series at the month under the pointer.
 */
export const TIME_SERIES_OPTIONS = {
  parsing: false,
  normalized: true,
  animation: false,
  maintainAspectRatio: false,
  interaction: { mode: 'index', intersect: false },
} as const;
