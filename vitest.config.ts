import { defineConfig } from 'vitest/config';

// Test projects: `unit` (worked numbers, schema, engine, chart builders),
// `properties` (fast-check invariants of MODEL.md §6) and `e2e` (a real
// Chromium against the built app served by `vite preview`).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      { test: { name: 'properties', include: ['tests/properties/**/*.test.ts'], environment: 'node', testTimeout: 300_000 } },
      {
        test: {
          name: 'e2e', include: ['tests/e2e/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 180_000,
          globalSetup: ['tests/e2e/global-setup.ts'], fileParallelism: false,
        },
      },
    ],
  },
});
