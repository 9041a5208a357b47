import { defineConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// The CLI: one ES module for Node 20 with every dependency bundled (node: builtins stay external),
// launched by bin/cors-lens.js. Built after the extension by `npm run build`.
export default defineConfig({
  define: { __CORS_LENS_VERSION__: JSON.stringify(pkg.version) },
  ssr: { noExternal: true, target: 'node' },
  publicDir: false,
  build: {
    ssr: 'src/cli/index.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: { output: { entryFileNames: 'cors-lens.mjs', format: 'es' } },
  },
});
