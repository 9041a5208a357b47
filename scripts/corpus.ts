/**
 * `npm run corpus`: runs the differential corpus (every lab scenario) in real Chromium with the built
 * extension and prints the agreement table per dimension, then every disagreement.
 *   npm run corpus -- [--dimension=<d>] [--dump] [scenario ids…]   (--dump: the exchanges behind each disagreement)
 *   npm run corpus -- --random=<seed>:<count> [--dump]   (seeded random scenarios instead: e2e/lab/scenarios/random.ts)
 * CORPUS_HAR_OUT=<file> keeps DevTools' HAR of the run.
 */
import { startLab } from '../e2e/lab/server';
import { randomScenarios } from '../e2e/lab/scenarios/random';
import { launchWithExtension } from '../e2e/support/launch';
import { agreementTable, disagreements, runDifferential, undecidable } from '../e2e/corpus/differential';

const args = process.argv.slice(2);
const dimension = args.find((a) => a.startsWith('--dimension='))?.slice('--dimension='.length);
const ids = new Set(args.filter((a) => !a.startsWith('--')));

const random = args.find((a) => a.startsWith('--random='))?.slice('--random='.length).split(':').map(Number);
const lab = await startLab(random ? { scenarios: randomScenarios(random[0] ?? 1, random[1] ?? 200) } : {});
const ext = await launchWithExtension();
try {
  const scenarios = lab.scenarios.filter((s) => (!dimension || s.dimension === dimension) && (!ids.size || ids.has(s.id)));
  const started = Date.now();
  const rows = await runDifferential({
    lab, ext, scenarios,
    onProgress: (done, total) => { if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total} scenarios`); },
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(agreementTable(rows));
  const bad = disagreements(rows);
  console.log(`\n${rows.length} scenarios in ${((Date.now() - started) / 1000).toFixed(1)} s; ${bad.length} disagreements.`);
  for (const b of bad) console.log(`  ✕ ${b}`);
  for (const u of undecidable(rows)) console.log(`  ? ${u} (the engine names Chromium's verdict as the other reading)`);
  if (args.includes('--dump')) {
    for (const r of rows.filter((x) => x.agree.capture !== 'agree' && x.agree.capture !== null || x.agree.har !== 'agree' && x.agree.har !== null)) {
      console.log(`\n=== ${r.id}\nchromium: ${JSON.stringify(r.chromium)}\n${JSON.stringify(r.exchanges, null, 1)}`);
      if (r.capturedAlso) console.log(`other captured exchanges of the URL:\n${JSON.stringify(r.capturedAlso, null, 1)}`);
    }
  }
  process.exitCode = bad.length ? 1 : 0;
} finally {
  await ext.close();
  await lab.close();
}
