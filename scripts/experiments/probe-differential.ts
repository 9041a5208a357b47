/**
 * `cors-lens probe` against Chromium on seeded random lab scenarios: Chromium runs each scenario in a
 * page (the referee), then the probe sends what Chromium would to the same resource (a fresh nonce) and
 * diagnoses it. The two verdicts (blocked, CorsError, failed parameter) must agree: probe is a CI smoke
 * test, and a disagreement would be false confidence (or a false alarm) after a deploy.
 *
 *   npx tsx scripts/experiments/probe-differential.ts [seed=1] [count=200]
 *
 * Scenarios the probe cannot reproduce are left out: earlier loads (caches), fetch modes other than
 * cors/follow, and `cache` modes (the probe never uses a cache).
 */
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { runInChromium } from '../../e2e/lab/chromium-verdicts';
import { randomScenarios } from '../../e2e/lab/scenarios/random';
import { startLab } from '../../e2e/lab/server';

const seed = Number(process.argv[2] ?? 1);
const count = Number(process.argv[3] ?? 200);
const scenarios = randomScenarios(seed, count).filter((s) => !s.request.setup && !s.request.mode && !s.request.redirect && !s.request.cache);
const lab = await startLab({ scenarios });
try {
  const chromium = await runInChromium(lab, scenarios.map((s) => s.id));
  let same = 0;
  const differ: string[] = [];
  const verdicts = new Map<string, number>();
  for (const s of scenarios) {
    const c = chromium.get(s.id);
    if (!c || c.runnerError || !c.sent) continue;
    const url = `${lab.origins[s.request.target]}/s/${s.id}/probe${seed}/r${s.request.path ?? ''}`;
    const args = ['probe', url, '--origin', lab.origins.app, '--method', s.request.method, '--format', 'json'];
    for (const [name, value] of s.request.headers ?? []) args.push('--header', `${name}: ${value}`);
    if (s.request.credentials === 'include') args.push('--credentials');
    let stdout = '';
    const io: CliIO = { stdout: { write: (x: string) => void (stdout += x), isTTY: false }, stderr: { write: () => undefined, isTTY: false }, env: {} };
    const code = await main(args, io);
    const x = code === 3 || !stdout ? undefined : (JSON.parse(stdout) as { exchanges: Array<{ blocked: boolean; corsError: string | null; failedParameter: string | null }> }).exchanges[0];
    const mine = x ? `${x.blocked ? x.corsError ?? 'blocked' : 'allowed'}|${x.failedParameter ?? ''}` : `exit ${code}`;
    const theirs = `${c.corsError ?? (c.failed ? `failed ${c.errorText ?? ''}` : 'allowed')}|${c.corsError ? c.failedParameter ?? '' : ''}`;
    verdicts.set(theirs.split('|')[0]!, (verdicts.get(theirs.split('|')[0]!) ?? 0) + 1);
    if (mine === theirs) same++;
    else differ.push(`${s.id} (${s.request.method} ${s.request.credentials}${s.redirects ? `, ${s.redirects.length} redirect(s)` : ''}): chromium=${theirs} probe=${mine}`);
  }
  console.log(`${same} same, ${differ.length} different of ${scenarios.length} (seed ${seed}); Chromium's verdicts: ${[...verdicts].map(([k, n]) => `${k} ${n}`).join(', ')}`);
  for (const d of differ) console.log(`  ✕ ${d}`);
} finally {
  await lab.close();
}
