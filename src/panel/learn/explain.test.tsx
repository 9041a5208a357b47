// @vitest-environment happy-dom
/** "Explain like I'm new": the jargon of each exchange in plain words, linked to the Learn steps. */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { diagnose } from '../../rules';
import { buildExchange, corsHeaders } from '../../rules/cors/test-support';
import { App } from '../app';
import { StaticSource } from '../data/static-source';
import { fixtureDiagnose, HOSTILE, hostileSample, sampleSet } from '../fixtures/sample';
import { memoryPrefs } from '../lib/prefs';
import { TID } from '../testids';
import { explainTerms } from './glossary';
import { isStepId } from './steps/ids';

afterEach(() => cleanup());

const samples = [...sampleSet(), hostileSample()];
const fixture = fixtureDiagnose(samples);

function setup(prefs = memoryPrefs()) {
  render(<App source={new StaticSource(samples.map((s) => s.exchange), 'test')} diagnose={fixture} services={{ prefs }} />);
  return prefs;
}
const selectRow = (id: string) => act(() => { fireEvent.mouseDown(screen.getAllByTestId(TID.row).find((r) => r.dataset.exchangeId === id)!); });
const terms = () => screen.getAllByTestId(TID.explainTerm).map((t) => t.dataset.term);

describe('Explain like I’m new', () => {
  it('is off until asked; then spells out the exchange’s jargon, and stays on for the next request', () => {
    const prefs = setup();
    selectRow('rest-403');
    expect(screen.queryByTestId(TID.explain)).toBeNull();
    const toggle = screen.getByTestId(TID.explainToggle);
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    act(() => { fireEvent.click(toggle); });
    expect(screen.getByTestId(TID.explainToggle).getAttribute('aria-pressed')).toBe('true');
    expect(terms()).toEqual(expect.arrayContaining(['origin', 'cors', 'preflight', 'acao', 'credentials', 'cors-error', 'blocked', 'platform']));
    const explain = screen.getByTestId(TID.explain);
    expect(explain.textContent).toContain('PreflightMissingAllowOriginHeader');
    expect(explain.textContent).toContain('http://localhost:3000');
    expect(prefs.get('explain')).toBe('on');
    selectRow('http-ok');
    expect(screen.getByTestId(TID.explain)).not.toBeNull();
    expect(terms()).not.toContain('blocked');
  });

  it('links each term to its Learn step, and the link opens the Learn tab there', () => {
    setup(memoryPrefs({ explain: 'on' }));
    selectRow('express-creds');
    const links = screen.getAllByTestId(TID.explainLearnLink);
    expect(links.length).toBeGreaterThan(3);
    for (const l of links) expect(isStepId(l.dataset.step)).toBe(true);
    const creds = within(screen.getAllByTestId(TID.explainTerm).find((t) => t.dataset.term === 'credentials')!).getByTestId(TID.explainLearnLink);
    expect(creds.dataset.step).toBe('credentials');
    act(() => { fireEvent.click(creds); });
    expect(screen.getByTestId(TID.app).dataset.view).toBe('learn');
    expect(screen.getByTestId(TID.learnStep).dataset.step).toBe('credentials');
  });

  it('quotes wire values as text', () => {
    setup(memoryPrefs({ explain: 'on' }));
    selectRow('hostile');
    const explain = screen.getByTestId(TID.explain);
    expect(explain.querySelector('img, script, iframe')).toBeNull();
    expect(explain.textContent).toContain(HOSTILE);
  });
});

describe('the glossary', () => {
  it('follows the exchange: a simple request, a cached preflight, a same-origin request', () => {
    const simple = buildExchange({ origin: 'https://app.example', url: 'https://api.example/x', response: { status: 200, headers: corsHeaders({ origin: '*' }) } });
    const t1 = explainTerms(simple, diagnose(simple));
    expect(t1.find((t) => t.id === 'preflight')).toMatchObject({ term: 'Simple request', step: 'simple-requests' });
    expect(t1.find((t) => t.id === 'origin')!.text).toContain('the host (app.example vs api.example)');

    const cached = buildExchange({ method: 'PUT', preflightFromCache: true, response: { status: 200, headers: corsHeaders({ origin: '*' }) } });
    expect(explainTerms(cached, diagnose(cached)).find((t) => t.id === 'preflight')).toMatchObject({ term: 'Preflight cache', step: 'caches' });

    const same = buildExchange({ origin: 'http://localhost:3000', url: 'http://localhost:3000/api', response: { status: 200 } });
    expect(explainTerms(same, diagnose(same)).map((t) => t.id)).toEqual(['origin']);

    const port = buildExchange({ origin: 'http://localhost:3000', url: 'http://localhost:8080/api', response: { status: 200 } });
    expect(explainTerms(port, diagnose(port)).find((t) => t.id === 'origin')!.text).toContain('the port (3000 vs 8080)');
  });
});
