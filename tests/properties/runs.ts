/** fast-check runs per property: 100 locally, 1000 under CI (DESIGN.md). */
export const NUM_RUNS = process.env.CI ? 1000 : 100;
