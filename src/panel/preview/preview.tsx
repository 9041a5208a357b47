/**
 * The panel outside DevTools, with sample data, for looking at it (screenshots, design work).
 * Query: ?theme=dark  ?n=10000 (scale)  ?empty=1  ?select=<exchange id>  ?engine=rules (real diagnose)
 *        ?hostile=1 (add the hostile sample)  ?stream=1 (append a row every 500 ms)
 */
import { render } from 'preact';
import { App } from '../app';
import { StaticSource } from '../data/static-source';
import { fixtureDiagnose, hostileSample, manyExchanges, sampleSet } from '../fixtures/sample';
import { memoryPrefs } from '../lib/prefs';
import { diagnose as rulesDiagnose } from '../../rules';
import { applyDocumentTheme, themeFromName } from '../theme';

const q = new URLSearchParams(location.search);
const theme = themeFromName(q.get('theme'));
const samples = [...sampleSet(), ...(q.get('hostile') ? [hostileSample()] : [])];
const n = Number(q.get('n') ?? 0);
const exchanges = q.get('empty') ? [] : n > 0 ? manyExchanges(samples, n) : samples.map((s) => s.exchange);
const source = new StaticSource(exchanges, 'Preview data');
const diagnose = q.get('engine') === 'rules' ? rulesDiagnose : fixtureDiagnose(samples, rulesDiagnose);

applyDocumentTheme(theme);
const t0 = performance.now();
render(<App source={source} theme={theme} diagnose={diagnose} services={{ prefs: memoryPrefs() }} />, document.getElementById('app')!);
requestAnimationFrame(() => { (window as unknown as { __firstRenderMs: number }).__firstRenderMs = performance.now() - t0; });

const select = q.get('select');
if (select) {
  // Select through the UI, as a user would: mousedown on the row.
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>(`[data-exchange-id="${CSS.escape(select)}"]`)?.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
  });
}

if (q.get('stream')) {
  let i = exchanges.length;
  setInterval(() => {
    const s = samples[i % samples.length]!;
    source.push([{ ...s.exchange, id: `${s.exchange.id}#live${i}`, startedAt: Date.now() }]);
    i++;
  }, 500);
}
