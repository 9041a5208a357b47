/**
 * Runs every lab scenario (or those given as arguments / matching --dimension=<d>) in headless Chromium and
 * prints Chromium's verdict per scenario, then counts per dimension.
 *
 *   npx tsx scripts/lab-verdicts.ts                      # all scenarios
 *   npx tsx scripts/lab-verdicts.ts --dimension=range    # one dimension
 *   npx tsx scripts/lab-verdicts.ts seed-works acao-star # some ids
 *   npx tsx scripts/lab-verdicts.ts --json > verdicts.json
 *
 * Exits 1 when any scenario could not be measured (a lab bug: every scenario must yield a verdict).
 */
import { startLab } from '../e2e/lab/server';
import { runInChromium, type ChromiumVerdict } from '../e2e/lab/chromium-verdicts';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const dimension = args.find((a) => a.startsWith('--dimension='))?.slice('--dimension='.length);
const ids = args.filter((a) => !a.startsWith('--'));

const lab = await startLab();
const chosen = lab.scenarios.filter((s) => (ids.length === 0 || ids.includes(s.id)) && (!dimension || s.dimension === dimension));
const unknown = ids.filter((id) => !lab.scenarios.some((s) => s.id === id));
if (unknown.length) {
  console.error(`unknown scenario ids: ${unknown.join(', ')}`);
  await lab.close();
  process.exit(2);
}

const started = Date.now();
const log = (line: string): void => { if (!asJson) console.log(line); };
function describe(v: ChromiumVerdict): string {
  if (v.runnerError) return `RUNNER ERROR: ${v.runnerError}`;
  const what = v.failed ? `blocked ${v.corsError ?? v.errorText ?? '?'}${v.failedParameter ? ` [${v.failedParameter}]` : ''}` : 'allowed';
  const extra = [v.status !== undefined ? `status ${v.status}` : 'no response', `preflights ${v.preflights}`, v.fromCache ? 'from cache' : ''];
  return `${what} (${extra.filter(Boolean).join(', ')})`;
}

const verdicts = await runInChromium(lab, chosen.map((s) => s.id), {
  onResult: (id, v) => log(`${id.padEnd(58)} ${describe(v)}`),
});
const seconds = (Date.now() - started) / 1000;
await lab.close();

const perDim = new Map<string, { total: number; blocked: number; errors: number }>();
for (const s of chosen) {
  const v = verdicts.get(s.id);
  const row = perDim.get(s.dimension) ?? { total: 0, blocked: 0, errors: 0 };
  row.total++;
  if (v?.failed) row.blocked++;
  if (!v || v.runnerError) row.errors++;
  perDim.set(s.dimension, row);
}
const broken = chosen.filter((s) => !verdicts.get(s.id) || verdicts.get(s.id)?.runnerError);

if (asJson) {
  console.log(JSON.stringify({ seconds, verdicts: Object.fromEntries(verdicts) }, null, 2));
} else {
  log('');
  log(`${'dimension'.padEnd(20)} ${'scenarios'.padStart(9)} ${'blocked'.padStart(8)} ${'allowed'.padStart(8)} ${'errors'.padStart(7)}`);
  for (const [dim, r] of perDim) {
    log(`${dim.padEnd(20)} ${String(r.total).padStart(9)} ${String(r.blocked).padStart(8)} ${String(r.total - r.blocked).padStart(8)} ${String(r.errors).padStart(7)}`);
  }
  log(`\n${chosen.length} scenarios in ${seconds.toFixed(1)} s; ${broken.length} without a verdict`);
}
if (broken.length) {
  console.error(`no verdict for: ${broken.map((s) => s.id).join(', ')}`);
  process.exit(1);
}
