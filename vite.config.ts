import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx } from '@crxjs/vite-plugin';
import manifest from './manifest.json' with { type: 'json' };
import pkg from './package.json' with { type: 'json' };

// The panel page is not referenced by the manifest (devtools.panels.create names it at run time),
// so it is listed as an extra input for crxjs to bundle.
export default defineConfig({
  plugins: [preact(), crx({ manifest: { ...manifest, version: pkg.version } })],
  define: { __CORS_LENS_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    rollupOptions: { input: { panel: 'src/panel/panel.html' } },
  },
  server: { host: '127.0.0.1' },
});
