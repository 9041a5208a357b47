/**
 * Starts the CORS lab standalone and prints its origins.
 *
 *   npx tsx e2e/lab/main.ts              # ports 4310 (app), 4311 (api), 4312 (third)
 *   npx tsx e2e/lab/main.ts --port 0     # OS-assigned ports
 *   npx tsx e2e/lab/main.ts --port 5000  # 5000, 5001, 5002
 */
import { startLab } from './server';
import { countByDimension } from './scenarios';
import { hostResolverArg } from './hosts';

const i = process.argv.indexOf('--port');
const raw = i >= 0 ? process.argv[i + 1] : undefined;
const base = raw === undefined ? 4310 : Number(raw);
if (!Number.isInteger(base) || base < 0 || base > 65533) {
  console.error(`--port wants a number, got ${String(raw)}`);
  process.exit(2);
}
const ports = base === 0 ? { app: 0, api: 0, third: 0 } : { app: base, api: base + 1, third: base + 2 };
const lab = await startLab({ ports });
console.log(`CORS lab: ${lab.scenarios.length} scenarios`);
console.log(`  app   (the page)   ${lab.origins.app}/`);
console.log(`  api   (cross-origin) ${lab.origins.api}`);
console.log(`  third (cross-origin) ${lab.origins.third}`);
console.log(`  ${[...countByDimension(lab.scenarios)].map(([d, n]) => `${d} ${n}`).join(', ')}`);
// Seed scenarios call realistic host names (*.execute-api…amazonaws.com …): without this switch a browser
// would look them up in real DNS and send the request to the internet instead of the lab.
console.log(`  seed scenarios use real platform host names: start the browser with\n    '${hostResolverArg()}'`);
console.log('Ctrl+C stops it.');
const stop = (): void => { void lab.close().then(() => process.exit(0)); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
