// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Exchange } from '../model';
import { App } from './app';
import { ExtensionSource } from './data/extension-source';
import { FakeRuntime, ManualScheduler } from './data/fake-runtime';
import { StaticSource } from './data/static-source';
import { fixtureDiagnose, HOSTILE, hostileSample, manyExchanges, sampleSet } from './fixtures/sample';
import { memoryPrefs } from './lib/prefs';
import type { PanelServices } from './services';
import { TID } from './testids';

const samples = sampleSet();
const all = [...samples, hostileSample()];
const diagnose = fixtureDiagnose(all);

afterEach(() => cleanup());

function setup(exchanges: Exchange[] = samples.map((s) => s.exchange), services: Partial<PanelServices> = {}) {
  const source = new StaticSource(exchanges, 'test data');
  const copyText = vi.fn(async () => true);
  const utils = render(<App source={source} diagnose={diagnose} services={{ prefs: memoryPrefs(), copyText, ...services }} />);
  return { source, copyText, ...utils };
}

const rows = () => screen.queryAllByTestId(TID.row);
const rowIds = () => rows().map((r) => r.getAttribute('data-exchange-id'));
const grid = () => screen.getByTestId(TID.list);
const selectedId = () => rows().find((r) => r.getAttribute('aria-selected') === 'true')?.getAttribute('data-exchange-id') ?? null;
const key = (k: string) => act(() => { fireEvent.keyDown(grid(), { key: k }); });
const clickRow = (id: string) => act(() => { fireEvent.mouseDown(rows().find((r) => r.getAttribute('data-exchange-id') === id)!); });

describe('the request list', () => {
  it('renders one row per exchange in time order, with the data the e2e suite reads', () => {
    setup();
    expect(rowIds()).toEqual(samples.map((s) => s.exchange.id));
    const r = rows()[0]!;
    expect(r).toHaveProperty('dataset.blocked', 'true');
    expect(r).toHaveProperty('dataset.corsError', 'PreflightMissingAllowOriginHeader');
    expect(r).toHaveProperty('dataset.status', 'blocked');
    expect(within(r).getByTestId(TID.rowMethod).textContent).toBe('PUT');
    expect(within(r).getByTestId(TID.rowCodes).textContent).toBe('403 → —');
    expect(within(r).getByTestId(TID.rowReason).textContent).toBe('Preflight got 403 with no Access-Control-Allow-Origin');
    expect(within(r).getByTestId(TID.platformBadge).getAttribute('data-platform')).toBe('aws-apigateway-rest');
    expect(rows()[1]).toHaveProperty('dataset.blocked', 'false');
    expect(rows()[2]).toHaveProperty('dataset.status', 'warning');
    expect(grid().getAttribute('role')).toBe('grid');
    expect(grid().getAttribute('aria-rowcount')).toBe(String(samples.length + 1));
  });

  it('virtualizes: 10,000 exchanges put only a screenful of rows in the DOM', () => {
    setup(manyExchanges(samples, 10_000));
    expect(grid().getAttribute('data-count')).toBe('10000');
    expect(rows().length).toBeGreaterThan(10);
    expect(rows().length).toBeLessThan(100);
    key('End');
    expect(selectedId()).toBe(`${samples[9_999 % samples.length]!.exchange.id}#9999`);
    expect(rows().map((r) => r.getAttribute('aria-rowindex'))).toContain('10001');
  });

  it('moves the selection with ↑ ↓ Home End PageUp PageDown, and Enter moves focus to the details', () => {
    setup();
    const ids = samples.map((s) => s.exchange.id);
    grid().focus();
    key('ArrowDown');
    expect(selectedId()).toBe(ids[0]);
    key('ArrowDown');
    key('ArrowDown');
    expect(selectedId()).toBe(ids[2]);
    key('ArrowUp');
    expect(selectedId()).toBe(ids[1]);
    key('End');
    expect(selectedId()).toBe(ids.at(-1));
    key('ArrowDown'); // stays on the last row
    expect(selectedId()).toBe(ids.at(-1));
    key('Home');
    expect(selectedId()).toBe(ids[0]);
    key('PageDown');
    expect(ids.indexOf(selectedId()!)).toBeGreaterThan(1);
    key('PageUp');
    expect(selectedId()).toBe(ids[0]);
    expect(grid().getAttribute('aria-activedescendant')).toBe(rows()[0]!.id);
    key('Enter');
    expect(document.activeElement).toBe(screen.getByTestId(TID.detail));
    act(() => { fireEvent.keyDown(screen.getByTestId(TID.detail), { key: 'Escape' }); });
    expect(document.activeElement).toBe(grid());
  });

  it('a late exchange that sorts above the viewport does not move the rows in view', () => {
    const { source } = setup(manyExchanges(samples, 300));
    const g = grid();
    act(() => { g.scrollTop = 22 * 100; fireEvent.scroll(g); });
    const firstInView = rows().find((r) => r.style.top === `${22 * 100}px`)!.getAttribute('data-exchange-id');
    act(() => source.push([{ ...samples[0]!.exchange, id: 'late', startedAt: 0 }]));
    expect(g.scrollTop).toBe(22 * 101);
    expect(rows().find((r) => r.style.top === `${22 * 101}px`)!.getAttribute('data-exchange-id')).toBe(firstInView);
  });

  it('Ctrl+F moves focus to the filter box', () => {
    setup();
    grid().focus();
    act(() => { fireEvent.keyDown(grid(), { key: 'f', ctrlKey: true }); });
    expect(document.activeElement).toBe(screen.getByTestId(TID.filterText));
  });

  it('keeps the selection and the rows in place while new exchanges stream in', () => {
    const { source } = setup();
    clickRow('nginx-method');
    const before = rows().find((r) => r.getAttribute('data-exchange-id') === 'nginx-method')!.style.top;
    act(() => source.push(manyExchanges(samples, 25).map((e) => ({ ...e, startedAt: e.startedAt + 1e7 }))));
    expect(selectedId()).toBe('nginx-method');
    expect(rows().find((r) => r.getAttribute('data-exchange-id') === 'nginx-method')!.style.top).toBe(before);
    expect(grid().getAttribute('data-count')).toBe(String(samples.length + 25));
    expect(screen.getByTestId(TID.detail).getAttribute('data-exchange-id')).toBe('nginx-method');
    key('ArrowDown');
    expect(selectedId()).toBe('cached-put');
  });

  it('filters by scope, platform and text, and says when nothing matches', () => {
    setup();
    act(() => { fireEvent.click(screen.getByTestId(TID.scopeBlocked)); });
    expect(screen.getByTestId(TID.scopeBlocked).getAttribute('aria-pressed')).toBe('true');
    expect(rows().every((r) => r.dataset.blocked === 'true')).toBe(true);
    expect(rowIds()).toEqual(['rest-403', 'lambda-dup', 'express-creds', 'nginx-method', 'redirect-blocked']);

    act(() => { fireEvent.input(screen.getByTestId(TID.filterText), { target: { value: 'method:DELETE' } }); });
    expect(rowIds()).toEqual(['nginx-method']);

    act(() => { fireEvent.input(screen.getByTestId(TID.filterText), { target: { value: 'no-such-thing' } }); });
    expect(rows()).toHaveLength(0);
    act(() => { fireEvent.click(screen.getByTestId(TID.resetFilters)); });
    expect(rows()).toHaveLength(samples.length);

    act(() => { fireEvent.change(screen.getByTestId(TID.platformFilter), { target: { value: 'aws-cloudfront' } }); });
    expect(rowIds()).toEqual(['cf-warning']);
    act(() => { fireEvent.change(screen.getByTestId(TID.platformFilter), { target: { value: 'all' } }); });
    act(() => { fireEvent.click(screen.getByTestId(TID.scopeCrossOrigin)); });
    expect(rowIds()).not.toContain('same-origin');
  });

  it('Clear empties the list and shows the empty state, with its link to Learn', () => {
    setup();
    act(() => { fireEvent.click(screen.getByTestId(TID.clear)); });
    expect(rows()).toHaveLength(0);
    expect(screen.getByTestId(TID.emptyState).textContent).toMatch(/explains why the browser blocked/);
    act(() => { fireEvent.click(screen.getByTestId(TID.emptyLearn)); });
    expect(within(screen.getByTestId(TID.learnView)).getByTestId(TID.learnStep).dataset.step).toBe('origin');
    expect(screen.getByTestId(TID.tabLearn).getAttribute('aria-selected')).toBe('true');
  });
});

describe('the detail pane', () => {
  it('shows the headline, the CorsError and failed parameter, asked vs allowed, findings and the flow', () => {
    setup();
    clickRow('nginx-method');
    expect(screen.getByTestId(TID.headline).textContent).toBe('Blocked: the server’s preflight answer allows GET and POST, but not DELETE.');
    expect(screen.getByTestId(TID.corsError).getAttribute('data-cors-error')).toBe('MethodDisallowedByPreflightResponse');
    expect(screen.getByTestId(TID.failedParameter).textContent).toContain('DELETE');
    const checks = within(screen.getByTestId(TID.askedAllowed)).getAllByTestId(TID.askedAllowedRow);
    expect(checks.map((c) => [c.dataset.checkId, c.dataset.result])).toEqual([
      ['allow-origin', 'pass'], ['preflight-status', 'pass'], ['allow-method', 'fail'],
    ]);
    expect(checks[2]!.textContent).toContain('GET, POST');
    const findings = within(screen.getByTestId(TID.findings)).getAllByTestId(TID.finding);
    expect(findings.map((f) => f.dataset.findingId)).toEqual(['method-not-allowed']);
    const steps = within(screen.getByTestId(TID.flow)).getAllByTestId(TID.flowStep);
    expect(steps.map((s) => [s.dataset.step, s.dataset.state])).toEqual([
      ['preflight', 'ok'], ['preflight-response', 'fail'], ['request', 'skipped'],
    ]);
  });

  it('groups findings by kind, root cause first, and offers fix tabs per stack with copy buttons', async () => {
    const { copyText } = setup();
    clickRow('rest-403');
    const groups = [...screen.getByTestId(TID.findings).querySelectorAll('h3')].map((h) => h.textContent);
    expect(groups).toEqual(['Root cause', 'Deployment']);
    const tabs = screen.getAllByTestId(TID.fixTab);
    expect(tabs.map((t) => t.dataset.stack)).toEqual(['console', 'sam', 'cdk', 'terraform']);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    // Arrow keys move between tabs (and focus follows), as in any tablist.
    act(() => { fireEvent.keyDown(tabs[0]!, { key: 'ArrowRight' }); });
    expect(screen.getByTestId(TID.fixPanel).dataset.stack).toBe('sam');
    expect(document.activeElement).toBe(screen.getAllByTestId(TID.fixTab)[1]);
    act(() => { fireEvent.keyDown(screen.getAllByTestId(TID.fixTab)[1]!, { key: 'End' }); });
    const panel = screen.getByTestId(TID.fixPanel);
    expect(panel.dataset.stack).toBe('terraform');
    expect(within(panel).getByTestId(TID.fixSnippet).textContent).toContain('resource "aws_api_gateway_method"');
    await act(async () => { fireEvent.click(within(panel).getByTestId(TID.copyButton)); });
    expect(copyText).toHaveBeenCalledWith(expect.stringContaining('http_method   = "OPTIONS"'));
    expect(within(panel).getByTestId(TID.copyButton).textContent).toBe('Copied');
  });

  it('remembers the chosen stack for the next request', () => {
    setup();
    clickRow('lambda-dup');
    act(() => { fireEvent.click(screen.getAllByTestId(TID.fixTab).find((t) => t.dataset.stack === 'python')!); });
    clickRow('rest-403');
    clickRow('lambda-dup');
    expect(screen.getByTestId(TID.fixPanel).dataset.stack).toBe('python');
  });

  it('shows raw headers with CORS headers marked, and copies curl for preflight and actual', async () => {
    const { copyText } = setup();
    clickRow('rest-403');
    const blocks = screen.getAllByTestId(TID.headerBlock).map((b) => b.dataset.part);
    expect(blocks).toEqual(['preflight-request', 'preflight-response', 'request', 'response']);
    const preReq = screen.getAllByTestId(TID.headerBlock)[0]!;
    const marked = within(preReq).getAllByTestId(TID.headerRow).filter((r) => r.dataset.cors === 'true').map((r) => r.querySelector('dt')!.textContent);
    expect(marked).toEqual(['Origin', 'Access-Control-Request-Method', 'Access-Control-Request-Headers']);
    await act(async () => { fireEvent.click(screen.getByTestId(TID.copyCurlPreflight)); });
    expect(copyText).toHaveBeenLastCalledWith(expect.stringMatching(/^curl -i 'https:\/\/abc123[^']*' \\\n {2}-X 'OPTIONS'/));
    await act(async () => { fireEvent.click(screen.getByTestId(TID.copyCurlActual)); });
    expect(copyText).toHaveBeenLastCalledWith(expect.stringContaining("-X 'PUT'"));
  });

  it('closes with its close button, and the list keeps focus', () => {
    setup();
    clickRow('http-ok');
    act(() => { fireEvent.click(screen.getByTestId(TID.detailClose)); });
    expect(screen.queryByTestId(TID.detail)).toBeNull();
    expect(selectedId()).toBeNull();
  });

  it('the split handle resizes with the keyboard and remembers the size', () => {
    const prefs = memoryPrefs();
    setup(undefined, { prefs });
    clickRow('http-ok');
    const handle = screen.getByTestId(TID.splitHandle);
    const before = Number(handle.getAttribute('aria-valuenow'));
    act(() => { fireEvent.keyDown(handle, { key: handle.getAttribute('aria-orientation') === 'vertical' ? 'ArrowLeft' : 'ArrowUp' }); });
    expect(Number(handle.getAttribute('aria-valuenow'))).toBe(before + 16);
    expect(Object.values({ h: prefs.get('split.horizontal'), v: prefs.get('split.vertical') })).toContain(String(before + 16));
  });
});

describe('hostile input', () => {
  it('renders header values, URLs and diagnosis text from the wire as text, never as elements', () => {
    const { container } = setup([hostileSample().exchange]);
    clickRow('hostile');
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
    const text = container.textContent ?? '';
    expect(text).toContain(HOSTILE);
    expect(text).toContain('<script>window.__pwned=1</script>');
    expect(screen.getByTestId(TID.headline).textContent).toBe(`Blocked: Access-Control-Allow-Origin is ${HOSTILE}`);
    // The hostile header name too: a header called <img …> is a row, not an element.
    const names = screen.getAllByTestId(TID.headerRow).map((r) => r.querySelector('dt')!.textContent);
    expect(names).toContain(HOSTILE);
  });
});

describe('data sources', () => {
  it('the live source: reconnecting after the worker stops keeps the selection', () => {
    const runtime = new FakeRuntime();
    const timers = new ManualScheduler();
    const source = new ExtensionSource({ tabId: 3, runtime, schedule: timers.schedule });
    render(<App source={source} diagnose={diagnose} services={{ prefs: memoryPrefs() }} />);
    const snapshot = (exchanges: Exchange[]) => ({ type: 'snapshot', tabId: 3, exchanges, dropped: 0, preserveLog: false });
    act(() => runtime.port.send(snapshot(samples.slice(0, 4).map((s) => s.exchange))));
    expect(screen.getByTestId(TID.connection).dataset.status).toBe('connected');
    clickRow('cf-warning');
    act(() => runtime.port.drop());
    expect(screen.getByTestId(TID.connection).dataset.status).toBe('reconnecting');
    expect(selectedId()).toBe('cf-warning'); // nothing lost while the worker is away
    act(() => { timers.runAll(); });
    act(() => runtime.port.send(snapshot(samples.slice(0, 6).map((s) => s.exchange))));
    expect(selectedId()).toBe('cf-warning');
    expect(rows()).toHaveLength(6);
    expect(screen.getByTestId(TID.detail).getAttribute('data-exchange-id')).toBe('cf-warning');
  });

  it('Preserve log goes to the worker; it is disabled for a static list', () => {
    const runtime = new FakeRuntime();
    const source = new ExtensionSource({ tabId: 3, runtime, schedule: new ManualScheduler().schedule });
    render(<App source={source} diagnose={diagnose} services={{ prefs: memoryPrefs() }} />);
    act(() => { fireEvent.click(screen.getByTestId(TID.preserveLog)); });
    expect(runtime.port.posted).toContainEqual({ type: 'set-preserve-log', tabId: 3, value: true });
    cleanup();
    setup();
    expect((screen.getByTestId(TID.preserveLog) as HTMLInputElement).disabled).toBe(true);
  });

  it('an imported HAR replaces the list; Close import goes back', async () => {
    const imported = samples.slice(5, 7).map((s) => s.exchange);
    const importHar = vi.fn(async () => ({ exchanges: imported, label: 'capture.har' }));
    setup(undefined, { importHar });
    const file = new File(['{}'], 'capture.har', { type: 'application/json' });
    await act(async () => { fireEvent.change(screen.getByTestId(TID.importInput), { target: { files: [file] } }); });
    expect(importHar).toHaveBeenCalledWith(file);
    expect(rowIds()).toEqual(imported.map((e) => e.id));
    expect(screen.getByTestId(TID.importBanner).textContent).toContain('capture.har');
    expect(screen.getByTestId(TID.notice).textContent).toMatch(/Imported 2 cross-origin requests from capture\.har/);
    act(() => { fireEvent.click(screen.getByTestId(TID.backToLive)); });
    expect(rows()).toHaveLength(samples.length);
  });

  it('a failed import says why and keeps the list', async () => {
    const importHar = vi.fn(async () => { throw new Error('capture.har: This is not a HAR file'); });
    setup(undefined, { importHar });
    await act(async () => { fireEvent.change(screen.getByTestId(TID.importInput), { target: { files: [new File(['x'], 'capture.har')] } }); });
    expect(screen.getByTestId(TID.notice).textContent).toContain('not a HAR file');
    expect(rows()).toHaveLength(samples.length);
  });

  it('export: the menu builds the chosen format for the selected request or all listed ones', () => {
    const buildExport = vi.fn(() => ({ fileName: 'r.md', mimeType: 'text/markdown', content: '#' }));
    const download = vi.fn();
    setup(undefined, { buildExport, download });
    act(() => { fireEvent.click(screen.getByTestId(TID.scopeBlocked)); });
    act(() => { fireEvent.click(screen.getByTestId(TID.exportButton)); });
    const items = () => screen.getAllByTestId(TID.exportItem);
    expect(items().filter((i) => i.dataset.scope === 'one').every((i) => (i as HTMLButtonElement).disabled)).toBe(true);
    act(() => { fireEvent.click(items().find((i) => i.dataset.scope === 'all' && i.dataset.format === 'markdown')!); });
    expect(buildExport).toHaveBeenCalledWith(expect.objectContaining({ format: 'markdown', scope: 'all' }));
    const req = buildExport.mock.calls[0]! as unknown as [{ items: { exchange: Exchange }[] }];
    expect(req[0].items.map((i) => i.exchange.id)).toEqual(['rest-403', 'lambda-dup', 'express-creds', 'nginx-method', 'redirect-blocked']);
    expect(download).toHaveBeenCalledWith({ fileName: 'r.md', mimeType: 'text/markdown', content: '#' });
    expect(screen.queryByTestId(TID.exportMenu)).toBeNull();

    clickRow('lambda-dup');
    act(() => { fireEvent.click(screen.getByTestId(TID.exportButton)); });
    act(() => { fireEvent.click(items().find((i) => i.dataset.scope === 'one' && i.dataset.format === 'json')!); });
    expect(buildExport).toHaveBeenLastCalledWith(expect.objectContaining({ format: 'json', scope: 'one', items: [expect.objectContaining({ exchange: expect.objectContaining({ id: 'lambda-dup' }) })] }));
  });

  it('uses the theme it is given', () => {
    const source = new StaticSource([]);
    render(<App source={source} theme="dark" diagnose={diagnose} services={{ prefs: memoryPrefs() }} />);
    expect(screen.getByTestId(TID.app).dataset.theme).toBe('dark');
  });
});
