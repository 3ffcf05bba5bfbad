import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is loaded from file:// in Electron and from the preview server, so paths are relative.
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: `../../${process.env.COURT_DIST ?? 'dist'}/renderer`,
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
