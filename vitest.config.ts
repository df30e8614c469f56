import { defineConfig } from 'vitest/config';

// Test projects: `unit` (worked numbers, schema, engine), `properties`
// (fast-check invariants of MODEL.md §6) and `e2e` (real Chromium against the
// built app; its global setup builds the app and starts `vite preview`).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', testTimeout: 60_000 } },
      { test: { name: 'properties', include: ['tests/properties/**/*.test.ts'], environment: 'node', testTimeout: 300_000 } },
    ],
  },
});
