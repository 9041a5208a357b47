// @vitest-environment happy-dom
/**
 * The Learn walk-through: every example shows what the rules module computes for its exchange
 * (nothing hard-coded), changing an example's headers changes what is shown, and the steps are
 * keyboard navigable with proper external links.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exchange } from '../../model';
import { evaluate } from '../../rules';
import { buildExchange, corsHeaders } from '../../rules/cors/test-support';
import { App } from '../app';
import { StaticSource } from '../data/static-source';
import { memoryPrefs } from '../lib/prefs';
import { TID } from '../testids';
import { JudgedExchange } from './example-view';
import { STEP_IDS, STEPS } from './steps';

afterEach(() => cleanup());

function openLearn(prefs = memoryPrefs()) {
  const utils = render(<App source={new StaticSource([], 'test')} services={{ prefs }} />);
  act(() => { fireEvent.click(screen.getByTestId(TID.tabLearn)); });
  return utils;
}

const click = (el: Element) => act(() => { fireEvent.click(el); });
const stepLink = (id: string) => screen.getAllByTestId(TID.learnStepLink).find((l) => l.dataset.step === id)!;
const currentStep = () => screen.getByTestId(TID.learnStep).dataset.step;

/** What the shown verdict must be, from the rules' evaluate() alone. */
function expectedShown(e: Exchange) {
  const v = evaluate(e);
  const verdict = !v.crossOrigin ? 'not-cors' : v.blocked ? 'blocked' : e.response || e.redirects.length ? 'allowed' : 'undecided';
  return { verdict, blocked: String(v.blocked), corsError: v.corsError ?? '' };
}

function shown() {
  const el = screen.getByTestId(TID.learnVerdict);
  return { verdict: el.dataset.verdict, blocked: el.dataset.blocked, corsError: el.dataset.corsError };
}

describe('the Learn walk-through', () => {
  it('lists the steps in the order of their ids', () => {
    expect(STEPS.map((s) => s.id)).toEqual([...STEP_IDS]);
    openLearn();
    expect(screen.getAllByTestId(TID.learnStepLink).map((l) => l.dataset.step)).toEqual([...STEP_IDS]);
  });

  it('every variant of every step shows the verdict evaluate() computes for its exchange', () => {
    openLearn();
    for (const step of STEPS) {
      click(stepLink(step.id));
      expect(currentStep()).toBe(step.id);
      const outcomes = new Set<string>();
      for (const v of step.variants) {
        const radio = screen.queryAllByTestId(TID.learnVariant).find((r) => r.dataset.variant === v.id);
        if (step.variants.length > 1) click(radio!);
        expect(screen.getByTestId(TID.learnExample).dataset.variant).toBe(v.id);
        const e = v.exchange();
        expect(shown(), `${step.id}/${v.id}`).toEqual(expectedShown(e));
        // The flow diagram is the detail pane's, drawn for this exchange: one arrow out per request sent.
        const flow = within(screen.getByTestId(TID.learnExample)).getByTestId(TID.flow);
        expect(within(flow).getAllByTestId(TID.flowStep).some((s) => s.dataset.state === 'fail')).toBe(evaluate(e).blocked);
        const ev = evaluate(e);
        outcomes.add([ev.crossOrigin, ev.blocked, ev.corsError, ev.failedParameter, !!e.preflight, !!e.preflightFromCache, e.response?.status].join('|'));
      }
      // The variants show the browser deciding differently, not one outcome in several costumes.
      if (step.variants.length > 1) expect(outcomes.size, step.id).toBeGreaterThan(1);
    }
  });

  it('an example shows what the rules say about its current headers: change them and the verdict changes', () => {
    const e = buildExchange({ id: 'x', origin: 'https://app.example', response: { status: 200, headers: corsHeaders({ origin: 'https://app.example' }) } });
    const { rerender } = render(<JudgedExchange exchange={e} />);
    expect(shown()).toEqual({ verdict: 'allowed', blocked: 'false', corsError: '' });
    const edited: Exchange = { ...e, response: { status: 200, headers: corsHeaders({ origin: 'https://app.example/' }) } };
    rerender(<JudgedExchange exchange={edited} />);
    expect(shown()).toEqual({ ...expectedShown(edited), verdict: 'blocked' });
    expect(screen.getByTestId(TID.learnVerdict).dataset.corsError).toBe(evaluate(edited).corsError);
    const none: Exchange = { ...e, response: { status: 200, headers: [] } };
    rerender(<JudgedExchange exchange={none} />);
    expect(shown()).toEqual(expectedShown(none));
    expect(shown().corsError).not.toBe(evaluate(edited).corsError);
  });

  it('is keyboard navigable: ↑/↓/Home/End in the step list, Back and Next', () => {
    openLearn();
    const first = stepLink('origin');
    first.focus();
    act(() => { fireEvent.keyDown(first, { key: 'ArrowDown' }); });
    expect(currentStep()).toBe('same-origin-policy');
    expect(document.activeElement).toBe(stepLink('same-origin-policy'));
    expect(stepLink('same-origin-policy').getAttribute('aria-current')).toBe('step');
    act(() => { fireEvent.keyDown(document.activeElement!, { key: 'End' }); });
    expect(currentStep()).toBe('aws');
    expect(screen.getByTestId(TID.learnNext)).toHaveProperty('disabled', true);
    click(screen.getByTestId(TID.learnBack));
    expect(currentStep()).toBe('caches');
    act(() => { fireEvent.keyDown(stepLink('caches'), { key: 'Home' }); });
    expect(currentStep()).toBe('origin');
    expect(screen.getByTestId(TID.learnBack)).toHaveProperty('disabled', true);
    click(screen.getByTestId(TID.learnNext));
    expect(currentStep()).toBe('same-origin-policy');
  });

  it('variants are a radio group: arrow keys move the choice', () => {
    openLearn();
    click(stepLink('credentials'));
    const radios = screen.getAllByTestId(TID.learnVariant);
    expect(radios[0]!.getAttribute('aria-checked')).toBe('true');
    act(() => { fireEvent.keyDown(radios[0]!, { key: 'ArrowRight' }); });
    expect(screen.getByTestId(TID.learnExample).dataset.variant).toBe(STEPS.find((s) => s.id === 'credentials')!.variants[1]!.id);
    expect(document.activeElement).toBe(screen.getAllByTestId(TID.learnVariant)[1]);
  });

  it('remembers the step for the next visit', () => {
    const prefs = memoryPrefs();
    openLearn(prefs);
    click(stepLink('caches'));
    cleanup();
    openLearn(prefs);
    expect(currentStep()).toBe('caches');
  });

  it('links to MDN and AWS documentation in a new tab, without an opener', () => {
    openLearn();
    const hosts = new Set<string>();
    for (const step of STEPS) {
      click(stepLink(step.id));
      const links = screen.getAllByTestId(TID.learnLink);
      expect(links.length).toBeGreaterThan(0);
      for (const a of links) {
        expect(a.tagName).toBe('A');
        expect(a.getAttribute('target')).toBe('_blank');
        expect(a.getAttribute('rel')).toMatch(/\bnoopener\b/);
        const url = new URL(a.getAttribute('href')!);
        expect(url.protocol).toBe('https:');
        hosts.add(url.hostname);
      }
    }
    expect(hosts).toContain('developer.mozilla.org');
    expect(hosts).toContain('docs.aws.amazon.com');
  });
});

describe('the steps’ widgets answer with the rules', () => {
  it('origins: subdomains and ports differ, paths and an explicit default port do not', () => {
    openLearn();
    const result = () => screen.getByTestId(TID.learnOriginResult).dataset.same;
    const page = screen.getByLabelText('Page URL') as HTMLInputElement;
    const request = screen.getByLabelText('Request URL') as HTMLInputElement;
    const type = (a: string, b: string) => act(() => {
      fireEvent.input(page, { target: { value: a } });
      fireEvent.input(request, { target: { value: b } });
    });
    type('https://app.example.com/x', 'https://app.example.com:443/api?q=1');
    expect(result()).toBe('true');
    type('https://app.example.com/', 'https://api.example.com/');
    expect(result()).toBe('false');
    type('http://localhost:3000/', 'http://localhost:8080/');
    expect(result()).toBe('false');
    type('http://localhost:3000/', 'not a url');
    expect(result()).toBe('false');
  });

  it('preflight: JSON makes a POST preflighted, text/plain does not', () => {
    openLearn();
    click(stepLink('simple-requests'));
    const result = () => screen.getByTestId(TID.learnPreflightResult);
    expect(result().dataset.preflight).toBe('true');
    expect(result().textContent).toContain('application/json');
    click(screen.getByText('Content-Type: text/plain'));
    expect(result().dataset.preflight).toBe('false');
    click(screen.getByText('X-Api-Key: k-123'));
    expect(result().dataset.preflight).toBe('true');
  });

  it('max-age: capped at two hours, five seconds without the header', () => {
    openLearn();
    click(stepLink('caches'));
    const seconds = () => screen.getByTestId(TID.learnMaxAgeResult).dataset.seconds;
    expect(seconds()).toBe('7200');
    act(() => { fireEvent.input(screen.getByLabelText('Access-Control-Max-Age:'), { target: { value: '600' } }); });
    expect(seconds()).toBe('600');
    click(screen.getByLabelText('header absent'));
    expect(seconds()).toBe('5');
  });
});
