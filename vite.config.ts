import { defineConfig } from 'vite';

// The app: index.html at the root, module workers from worker/. `npm start`
// serves it on the shipped scenario; `vite preview` serves the build for the
// browser tests.
export default defineConfig({
  server: { port: 5173, strictPort: false, host: '127.0.0.1' },
  preview: { port: 4173, strictPort: false, host: '127.0.0.1' },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 1500 },
});
