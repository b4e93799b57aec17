/** Builds the web app from this folder into dist/web, which the OwlHub server serves at `/`. */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    rollupOptions: {
      // zod's comments confuse Rollup's annotation parser; the warning is noise, the output is fine.
      onwarn: (warning, warn) => {
        if (warning.code !== 'INVALID_ANNOTATION') warn(warning);
      },
    },
  },
  // `npx vite web` for development: the API comes from a running `npm start`.
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
