// @vitest-environment happy-dom
/**
 * The simulator in the panel: presets and edits judged live by the rules, the preflight editor
 * only when a preflight is sent, typed headers shown as text, and "Open in simulator" carrying a
 * captured exchange over intact.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../model';
import { evaluate } from '../../../rules';
import { App } from '../../app';
import { StaticSource } from '../../data/static-source';
import { fixtureDiagnose, sampleSet } from '../../fixtures/sample';
import { memoryPrefs } from '../../lib/prefs';
import { TID } from '../../testids';
import { PRESETS } from './presets';
import { headerLines, toExchange } from './state';

afterEach(() => cleanup());

const samples = sampleSet();

function openSimulator() {
  render(<App source={new StaticSource([], 'test')} services={{ prefs: memoryPrefs() }} />);
  act(() => { fireEvent.click(screen.getByTestId(TID.tabLearn)); });
  act(() => { fireEvent.click(screen.getByTestId(TID.learnTabSimulator)); });
}

const byId = (id: string) => screen.getByTestId(id) as HTMLInputElement & HTMLTextAreaElement & HTMLSelectElement;
const input = (id: string, value: string) => act(() => { fireEvent.input(byId(id), { target: { value } }); });
const choose = (id: string, value: string) => act(() => { fireEvent.change(byId(id), { target: { value } }); });
const verdict = () => {
  const el = screen.getByTestId(TID.simVerdict);
  return { blocked: el.dataset.blocked === 'true', corsError: el.dataset.corsError || null, kind: el.dataset.verdict };
};

describe('the simulator', () => {
  it('shows, for every preset, the verdict the rules give its exchange', () => {
    openSimulator();
    for (const p of PRESETS) {
      choose(TID.simPreset, p.id);
      expect(byId(TID.simPreset).value).toBe(p.id);
      expect(screen.getByTestId(TID.simSource).textContent).toBe(p.models);
      const v = evaluate(toExchange(p.state));
      expect(verdict(), p.id).toMatchObject({ blocked: v.blocked, corsError: v.corsError });
      expect(byId(TID.simUrl).value).toBe(p.state.url);
    }
  });

  it('shows the preflight answer only when the browser sends a preflight', () => {
    openSimulator();
    choose(TID.simPreset, 'express-cors-credentials');
    expect(screen.getByTestId(TID.simPreflightNeed).dataset.preflight).toBe('false');
    expect(screen.queryByTestId(TID.simPreflightAnswer)).toBeNull();
    input(TID.simRequestHeaders, 'X-Trace: 1');
    expect(screen.getByTestId(TID.simPreflightNeed).dataset.preflight).toBe('true');
    const options = screen.getByTestId(TID.simPreflightRequest).textContent!;
    expect(options).toContain('OPTIONS http://localhost:8080/api/profile');
    expect(options).toContain('Access-Control-Request-Headers: x-trace');
    act(() => { fireEvent.click(screen.getByTestId(TID.simPreflightCached)); });
    expect(screen.queryByTestId(TID.simPreflightAnswer)).toBeNull();
    input(TID.simUrl, 'http://localhost:5173/api/profile');
    expect(screen.getByTestId(TID.simPreflightNeed).dataset.crossOrigin).toBe('false');
    expect(verdict().kind).toBe('not-cors');
  });

  it('trying a fix: adding Access-Control-Allow-Origin to the Lambda’s answer unblocks it', () => {
    openSimulator();
    choose(TID.simPreset, 'lambda-proxy-no-headers');
    expect(verdict()).toMatchObject({ blocked: true, corsError: 'MissingAllowOriginHeader' });
    input(TID.simResponseHeaders, `${byId(TID.simResponseHeaders).value}\nAccess-Control-Allow-Origin: https://app.example.com`);
    expect(verdict()).toMatchObject({ blocked: false, corsError: null, kind: 'allowed' });
    expect(screen.getByTestId(TID.simSource).dataset.from).toBe('edited');
    expect(byId(TID.simPreset).value).toBe('');
    // With cookies the same answer is not enough any more.
    choose(TID.simCredentials, 'include');
    expect(verdict().corsError).toBe('PreflightWildcardOriginNotAllowed');
  });

  it('says what is wrong with what was typed', () => {
    openSimulator();
    input(TID.simResponseHeaders, 'Access-Control-Allow-Origin *');
    input(TID.simResponseStatus, 'abc');
    const errors = screen.getAllByTestId(TID.simInputError).map((e) => e.textContent);
    expect(errors.some((t) => /Line 1 is not/.test(t!))).toBe(true);
    expect(errors.some((t) => /status must be a number/.test(t!))).toBe(true);
    input(TID.simOrigin, 'app.example.com');
    expect(screen.getAllByTestId(TID.simInputError).some((e) => /page origin should look like/.test(e.textContent!))).toBe(true);
  });

  it('takes any header name as a name, Object.prototype keys included', () => {
    openSimulator();
    choose(TID.simPreset, 'express-cors-credentials');
    input(TID.simRequestHeaders, 'constructor: x\n__proto__: y');
    expect(screen.getByTestId(TID.simPreflightNeed).dataset.preflight).toBe('true');
    expect(screen.getByTestId(TID.simPreflightNeed).textContent).toContain('__proto__ is not a CORS-safelisted header');
    expect(screen.getByTestId(TID.simPreflightRequest).textContent).toContain('Access-Control-Request-Headers: __proto__,constructor');
  });

  it('renders typed header values as text, never as markup', () => {
    openSimulator();
    choose(TID.simPreset, 'lambda-url-cors-and-code');
    const hostile = '<img src=x onerror="window.__pwned=1">';
    input(TID.simResponseHeaders, `Access-Control-Allow-Origin: ${hostile}`);
    const sim = screen.getByTestId(TID.simulator);
    expect(sim.querySelector('img')).toBeNull();
    expect(verdict().corsError).toBe('MultipleAllowOriginValues'); // it contains spaces
    expect(within(screen.getByTestId(TID.askedAllowed)).getAllByText(hostile).length).toBeGreaterThan(0);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('"Open in simulator"', () => {
  function openFromDetail(id: string) {
    const diagnose = fixtureDiagnose(samples);
    render(<App source={new StaticSource(samples.map((s) => s.exchange), 'test')} diagnose={diagnose} services={{ prefs: memoryPrefs() }} />);
    const row = screen.getAllByTestId(TID.row).find((r) => r.dataset.exchangeId === id)!;
    act(() => { fireEvent.mouseDown(row); });
    act(() => { fireEvent.click(screen.getByTestId(TID.openInSimulator)); });
    return diagnose;
  }

  it.each(samples.filter((s) => s.exchange.pageOrigin !== '' && s.exchange.id !== 'same-origin').map((s) => [s.exchange.id]))(
    'carries %s over intact: request, page origin, credentials, preflight and actual answers', (id) => {
      const diagnose = openFromDetail(id);
      const e = samples.find((s) => s.exchange.id === id)!.exchange;
      expect(screen.getByTestId(TID.app).dataset.view).toBe('learn');
      expect(screen.getByTestId(TID.learnView).dataset.section).toBe('simulator');
      expect(screen.getByTestId(TID.simSource).dataset.from).toBe('capture');
      expect(byId(TID.simOrigin).value).toBe(e.pageOrigin);
      expect(byId(TID.simUrl).value).toBe(e.request.url);
      expect(byId(TID.simMethod).value).toBe(e.request.method);
      expect(byId(TID.simRequestHeaders).value).toBe(headerLines(e.request.headers));
      const mode = e.credentials ?? diagnose(e).verdict.credentials.mode;
      expect(byId(TID.simCredentials).value).toBe(mode);
      if (e.preflight?.response) {
        expect(byId(TID.simPreflightStatus).value).toBe(String(e.preflight.response.status));
        expect(byId(TID.simPreflightHeaders).value).toBe(headerLines(e.preflight.response.headers));
      }
      if (e.response) {
        expect(byId(TID.simResponseStatus).value).toBe(String(e.response.status));
        expect(byId(TID.simResponseHeaders).value).toBe(headerLines(e.response.headers));
        expect(byId(TID.simResponseBody).value).toBe(e.response.body ?? '');
      }
      // And it is judged as that exchange with its credentials made explicit, by the rules.
      const carried: Exchange = { ...e, credentials: mode, observed: {} };
      const v = evaluate(carried);
      expect(verdict()).toMatchObject({ blocked: v.blocked, corsError: v.corsError });
    });

  it('from a Learn example too', () => {
    render(<App source={new StaticSource([], 'test')} services={{ prefs: memoryPrefs() }} />);
    act(() => { fireEvent.click(screen.getByTestId(TID.tabLearn)); });
    act(() => { fireEvent.click(screen.getAllByTestId(TID.learnStepLink).find((l) => l.dataset.step === 'preflight')!); });
    const example = screen.getByTestId(TID.learnExample);
    const shown = screen.getByTestId(TID.learnVerdict).dataset.corsError;
    act(() => { fireEvent.click(within(example).getByTestId(TID.learnOpenSimulator)); });
    expect(screen.getByTestId(TID.simSource).dataset.from).toBe('capture');
    expect(byId(TID.simMethod).value).toBe('PUT');
    expect(screen.getByTestId(TID.simVerdict).dataset.corsError).toBe(shown);
  });

  it('keeps the simulator’s edits while the user looks at the requests again', () => {
    openFromDetail('rest-403');
    input(TID.simPreflightHeaders, 'Access-Control-Allow-Origin: *');
    act(() => { fireEvent.click(screen.getByTestId(TID.tabRequests)); });
    act(() => { fireEvent.click(screen.getByTestId(TID.tabLearn)); });
    expect(byId(TID.simPreflightHeaders).value).toBe('Access-Control-Allow-Origin: *');
  });
});
