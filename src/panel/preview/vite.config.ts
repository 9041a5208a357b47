/**
 * Dev server for the panel preview (no extension, no crxjs): `npx vite -c src/panel/preview/vite.config.ts`
 * then open http://127.0.0.1:4800/ . Not part of the extension build.
 */
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  plugins: [preact()],
  define: { __CORS_LENS_VERSION__: JSON.stringify('preview') },
  server: { host: '127.0.0.1', port: 4800, strictPort: false, fs: { allow: [new URL('../../..', import.meta.url).pathname] } },
  logLevel: 'warn',
});
