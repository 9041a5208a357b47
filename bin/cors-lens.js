#!/usr/bin/env node
// Launcher: the CLI itself is bundled by `npm run build` (vite.cli.config.ts) into dist-cli/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist-cli/cors-lens.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  process.stderr.write('cors-lens: the CLI is not built yet. Run `npm run build` first (it writes dist-cli/cors-lens.mjs).\n');
  process.exit(2);
}
const { run } = await import(bundle.href);
process.exitCode = await run(process.argv.slice(2));
