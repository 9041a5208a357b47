/**
 * The differential corpus: every lab scenario runs in real Chromium, in a tab inspected by the BUILT
 * extension with DevTools open. Chromium's own verdict (CDP Network.loadingFailed.corsErrorStatus) is
 * the referee; the rules engine's verdict is computed from
 *   (a) the exchange the extension's own capture produced (worker → chrome.storage.session), and
 *   (b) the HAR DevTools recorded (chrome.devtools.network.getHAR) read through our HAR importer.
 * Both must agree with Chromium on blocked, corsError and failedParameter.
 */
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright';
import type { Exchange, Verdict } from '../../src/model';
import { evaluate } from '../../src/rules';
import { importHarEntries } from '../../src/har';
import { measure, watchPage, type ChromiumVerdict } from '../lab/chromium-verdicts';
import type { Lab } from '../lab/server';
import type { Scenario } from '../lab/scenario';
import { waitFor } from '../support/cdp';
import { getHar, openPanel, type DevtoolsHandle } from '../support/devtools-panel';
import type { LaunchedBrowser } from '../support/launch';
import { tabIdOf } from '../support/tabs';

export type Source = 'capture' | 'har';

export interface EngineView {
  blocked: boolean;
  corsError: string | null;
  failedParameter: string | null;
  /** Other verdicts the engine says the same evidence supports (an unrecorded request option decides). */
  alternatives?: EngineView[];
}

/**
 * `agree`: the engine's verdict is Chromium's. `ambiguous`: the evidence of this source cannot decide
 * (the engine says so, naming Chromium's verdict as the other reading); counted apart, never hidden.
 * `disagree` fails the corpus. null: nothing to judge (the request never reached the network).
 */
export type Agreement = 'agree' | 'ambiguous' | 'disagree' | null;

export interface DiffRow {
  id: string;
  dimension: string;
  url: string;
  chromium: ChromiumVerdict;
  /** null: the request never reached the network (Chromium refused it before sending): nothing to capture. */
  capture: EngineView | null | 'missing';
  har: EngineView | null | 'missing';
  agree: Record<Source, Agreement>;
  /** The exchanges judged, for explaining disagreements. */
  exchanges: Partial<Record<Source, Exchange>>;
  /** Why a source's view may not be the measured request's (the capture had not settled when it was read). */
  notes?: Partial<Record<Source, string>>;
  /** When the capture disagrees: the other captured exchanges of the URL (setup requests), to tell a wrong pairing. */
  capturedAlso?: Exchange[];
}

export function engineView(v: Verdict): EngineView {
  const alternatives = (v.alternatives ?? []).map((a) => ({ blocked: a.blocked, corsError: a.corsError, failedParameter: a.failedParameter || null }));
  return { blocked: v.blocked, corsError: v.corsError, failedParameter: v.failedParameter || null, ...(alternatives.length ? { alternatives } : {}) };
}

/** Chromium's verdict in the engine's terms: blocked means a CORS check failed. */
export function referee(c: ChromiumVerdict): EngineView {
  return { blocked: c.corsError !== null, corsError: c.corsError, failedParameter: c.failedParameter || null };
}

function same(a: EngineView, b: EngineView): boolean {
  return a.blocked === b.blocked && a.corsError === b.corsError && a.failedParameter === b.failedParameter;
}

export function agreement(engine: EngineView, c: ChromiumVerdict): Exclude<Agreement, null> {
  const r = referee(c);
  if (same(engine, r)) return 'agree';
  return engine.alternatives?.some((a) => same(a, r)) ? 'ambiguous' : 'disagree';
}

/** The measured request's exchange among those of a URL: setup requests (same URL) come first. */
function measured(exchanges: readonly Exchange[], url: string): Exchange | undefined {
  return exchanges.filter((x) => x.request.url === url).sort((a, b) => a.startedAt - b.startedAt).at(-1);
}

export async function capturedExchanges(ext: LaunchedBrowser, tabId: number): Promise<Exchange[]> {
  const sw = await ext.serviceWorker();
  return sw.evaluate(async (tab: number) => {
    const all = (await chrome.storage.session.get(null)) as Record<string, unknown>;
    const meta = all[`tab:${tab}`] as { order: string[] } | undefined;
    return (meta?.order ?? []).map((id) => all[`x:${tab}:${id}`]).filter(Boolean);
  }, tabId) as Promise<Exchange[]>;
}

export interface RunOptions {
  lab: Lab;
  ext: LaunchedBrowser;
  scenarios: readonly Scenario[];
  timeoutMs?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function runDifferential({ lab, ext, scenarios, timeoutMs = 15_000, onProgress }: RunOptions): Promise<DiffRow[]> {
  const page: Page = await ext.context.newPage();
  const url = `${lab.origins.app}/`;
  await page.goto(url);
  await page.waitForFunction(() => 'corsLab' in window);
  const tabId = await tabIdOf(ext.serviceWorker, url);
  const devtools: DevtoolsHandle = await openPanel(ext.cdpPort, ext.extensionId, tabId);
  try {
    const watch = await watchPage(page);
    const runs: Array<{ s: Scenario; url: string; chromium: ChromiumVerdict }> = [];
    for (const [i, s] of scenarios.entries()) {
      const chromium = await measure(lab, page, watch, s, timeoutMs);
      if (chromium.runnerError) throw new Error(`lab runner error in ${s.id}: ${chromium.runnerError}`);
      runs.push({ s, url: chromium.page?.url ?? '', chromium });
      onProgress?.(i + 1, scenarios.length);
    }

    // (a) The extension's capture, once every sent request has settled there. A CORS fetch the scenario
    // made first (setup) shares the measured URL: wait for its exchange AND the measured one, or the
    // setup's exchange, settled first, would be judged in place of the measured request.
    const sent = runs.filter((r) => r.chromium.sent);
    const expected = (s: Scenario): number => 1 + (s.request.setup ?? []).filter((step) => step.kind === 'cors-fetch').length;
    const settled = (xs: readonly Exchange[], r: (typeof sent)[number]): boolean =>
      xs.filter((x) => x.request.url === r.url).length >= expected(r.s) && measured(xs, r.url)?.observed.failed !== undefined;
    let timedOut = false;
    const captured = await waitFor(async () => {
      const xs = await capturedExchanges(ext, tabId);
      return sent.every((r) => settled(xs, r)) ? xs : null;
    }, 'the extension to capture every scenario', 30_000).catch(() => { timedOut = true; return capturedExchanges(ext, tabId); });
    // Judged all the same (the engine may still agree), but a disagreement then says the capture was incomplete.
    const unsettled = new Map(timedOut ? sent.filter((r) => !settled(captured, r)).map((r) => {
      const xs = captured.filter((x) => x.request.url === r.url);
      return [r.url, `the capture had not settled after 30 s: ${xs.length} of ${expected(r.s)} exchanges for the URL, the latest ${measured(xs, r.url)?.observed.failed === undefined ? 'unfinished' : 'finished'}`] as const;
    }) : []);

    // (b) DevTools' HAR through the importer.
    const har = await getHar(devtools);
    // CORPUS_HAR_OUT=<file>: keep DevTools' HAR of the run, to read a disagreement entry by entry.
    if (process.env.CORPUS_HAR_OUT) writeFileSync(process.env.CORPUS_HAR_OUT, JSON.stringify(har));
    const fromHar = importHarEntries(har.entries, { pageUrl: url }).exchanges;

    return runs.map(({ s, url: u, chromium }) => {
      const judge = (xs: Exchange[]): EngineView | null | 'missing' => {
        if (!chromium.sent) return null;
        const x = measured(xs, u);
        return x ? engineView(evaluate(x)) : 'missing';
      };
      const capture = judge(captured);
      const harView = judge(fromHar);
      const exchanges: Partial<Record<Source, Exchange>> = {};
      const cx = measured(captured, u);
      const hx = measured(fromHar, u);
      if (cx) exchanges.capture = cx;
      if (hx) exchanges.har = hx;
      const agreeOf = (e: EngineView | null | 'missing'): Agreement => (e === null ? null : e === 'missing' ? 'disagree' : agreement(e, chromium));
      const note = unsettled.get(u);
      const agree = { capture: agreeOf(capture), har: agreeOf(harView) };
      const capturedAlso = agree.capture === 'disagree' ? captured.filter((x) => x.request.url === u && x !== cx) : [];
      return { id: s.id, dimension: s.dimension, url: u, chromium, capture, har: harView, agree, exchanges, ...(note ? { notes: { capture: note } } : {}), ...(capturedAlso.length ? { capturedAlso } : {}) };
    });
  } finally {
    devtools.close();
    await page.close();
  }
}

/** The agreement table, per dimension: agreeing / judged, and how many the source could not decide. */
export function agreementTable(rows: readonly DiffRow[]): string {
  const dims = [...new Set(rows.map((r) => r.dimension))];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [line(['dimension', 'scenarios', 'not on the wire', 'capture agrees', 'HAR agrees']), line(['---', '---:', '---:', '---:', '---:'])];
  const count = (rs: readonly DiffRow[], src: Source) => {
    const judged = rs.filter((r) => r.agree[src] !== null);
    const ambiguous = judged.filter((r) => r.agree[src] === 'ambiguous').length;
    return `${judged.filter((r) => r.agree[src] === 'agree').length}/${judged.length}${ambiguous ? ` (+${ambiguous} undecidable)` : ''}`;
  };
  for (const d of [...dims, 'all']) {
    const rs = d === 'all' ? rows : rows.filter((r) => r.dimension === d);
    out.push(line([d === 'all' ? '**all**' : d, String(rs.length), String(rs.filter((r) => r.capture === null).length), count(rs, 'capture'), count(rs, 'har')]));
  }
  return out.join('\n');
}

const show = (e: EngineView | null | 'missing') => (e === 'missing' ? 'no exchange' : e === null ? 'n/a' : `${e.blocked ? 'blocked' : 'allowed'} ${e.corsError ?? ''} ${e.failedParameter ?? ''}`.trim());

function listed(rows: readonly DiffRow[], kind: Agreement): string[] {
  const out: string[] = [];
  for (const r of rows) {
    for (const src of ['capture', 'har'] as const) {
      if (r.agree[src] === kind) out.push(`${r.id} [${src}]: Chromium ${show(referee(r.chromium))} — engine ${show(r[src])}${r.notes?.[src] ? ` (${r.notes[src]})` : ''}`);
    }
  }
  return out;
}

/** Human-readable disagreements, for failing tests and the corpus script. */
export function disagreements(rows: readonly DiffRow[]): string[] {
  return listed(rows, 'disagree');
}

/** Rows the source could not decide, where the engine named Chromium's verdict as the other reading. */
export function undecidable(rows: readonly DiffRow[]): string[] {
  return listed(rows, 'ambiguous');
}
