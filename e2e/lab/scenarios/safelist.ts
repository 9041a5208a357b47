/**
 * When a "safelisted" request header stops being safe: unsafe bytes, per-value length (128), the
 * 1024-byte total, and Chromium's extra safelisted names (client hints, save-data).
 * Every scenario answers the preflight with the origin allowed but NO Allow-Headers, so a header that
 * is not safelisted shows up as a blocked preflight, while a safelisted one needs no preflight at all.
 */
import type { HeaderLine, Scenario } from '../scenario';
import { ACAO, APP, showLines, text } from './build';

interface SafelistCase {
  slug: string;
  send: readonly HeaderLine[];
}

/** A value of exactly `length` characters: `head` padded with `fill`. */
const pad = (head: string, length: number, fill = 'a'): string => head + fill.repeat(Math.max(0, length - head.length));
/** A decimal number of exactly `length` characters ("1.000…"). */
const longNumber = (length: number): string => pad('1.', length, '0');
const h = (name: string, value: string): readonly HeaderLine[] => [[name, value]];

/** Eight safelisted headers of 128 bytes each (each one safe alone): exactly 1024 bytes in total. */
const EIGHT_FULL: readonly HeaderLine[] = [
  ['Accept', pad('text/plain;q=', 128, 'a')],
  ['Accept-Language', pad('en-', 128, 'a')],
  ['Content-Language', pad('de-', 128, 'a')],
  ['Content-Type', pad('text/plain;x=', 128, 'a')],
  ['DPR', longNumber(128)],
  ['Device-Memory', longNumber(128)],
  ['Downlink', longNumber(128)],
  // A single `bytes=N-` range; leading zeros keep the number small.
  ['Range', `bytes=${'0'.repeat(120)}1-`],
];

export const SAFELIST_CASES: readonly SafelistCase[] = [
  { slug: 'accept-json', send: h('Accept', 'application/json') },
  { slug: 'accept-browser-default', send: h('Accept', 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8') },
  { slug: 'accept-double-quote', send: h('Accept', 'application/json; v="1"') },
  { slug: 'accept-parentheses', send: h('Accept', 'text/plain (x)') },
  { slug: 'accept-braces', send: h('Accept', 'text/{x}') },
  { slug: 'accept-at', send: h('Accept', 'a@b') },
  { slug: 'accept-colon', send: h('Accept', 'urn:x') },
  { slug: 'accept-question', send: h('Accept', 'text/plain?') },
  { slug: 'accept-brackets', send: h('Accept', 'text/[x]') },
  { slug: 'accept-backslash', send: h('Accept', 'text\\plain') },
  { slug: 'accept-tab', send: h('Accept', 'text/plain,\ttext/html') },
  { slug: 'accept-latin1', send: h('Accept', 'text/plain; n=\u00e9') },
  { slug: 'accept-128', send: h('Accept', pad('text/plain;q=', 128)) },
  { slug: 'accept-129', send: h('Accept', pad('text/plain;q=', 129)) },
  { slug: 'accept-language-simple', send: h('Accept-Language', 'en-US,en;q=0.9') },
  { slug: 'accept-language-star', send: h('Accept-Language', '*') },
  { slug: 'accept-language-underscore', send: h('Accept-Language', 'en_US') },
  { slug: 'accept-language-slash', send: h('Accept-Language', 'en/US') },
  { slug: 'accept-language-quote', send: h('Accept-Language', 'en"') },
  { slug: 'accept-language-128', send: h('Accept-Language', pad('en-', 128)) },
  { slug: 'accept-language-129', send: h('Accept-Language', pad('en-', 129)) },
  { slug: 'content-language-simple', send: h('Content-Language', 'de-DE') },
  { slug: 'content-language-list', send: h('Content-Language', 'de-DE, fr') },
  { slug: 'content-language-colon', send: h('Content-Language', 'de:DE') },
  { slug: 'content-language-at', send: h('Content-Language', 'de@x') },
  { slug: 'dpr-number', send: h('DPR', '2') },
  { slug: 'dpr-text', send: h('DPR', 'two') },
  { slug: 'device-memory-number', send: h('Device-Memory', '8') },
  { slug: 'viewport-width-number', send: h('Viewport-Width', '1280') },
  { slug: 'width-number', send: h('Width', '640') },
  { slug: 'save-data-on', send: h('Save-Data', 'on') },
  { slug: 'save-data-off', send: h('Save-Data', 'off') },
  { slug: 'ect-4g', send: h('ECT', '4g') },
  { slug: 'rtt-number', send: h('RTT', '50') },
  { slug: 'downlink-number', send: h('Downlink', '1.5') },
  { slug: 'dpr-128', send: h('DPR', longNumber(128)) },
  { slug: 'device-memory-128', send: h('Device-Memory', longNumber(128)) },
  { slug: 'viewport-width-128', send: h('Viewport-Width', longNumber(128)) },
  { slug: 'width-128', send: h('Width', longNumber(128)) },
  { slug: 'viewport-width-fraction', send: h('Viewport-Width', '1280.5') },
  { slug: 'accept-empty', send: h('Accept', '') },
  { slug: 'total-1024', send: EIGHT_FULL },
  { slug: 'total-1026-save-data', send: [...EIGHT_FULL, ['Save-Data', 'on']] },
  { slug: 'total-1026-rtt', send: [...EIGHT_FULL, ['RTT', '50']] },
  { slug: 'total-1025-accept-language', send: [...EIGHT_FULL.filter(([n]) => n !== 'Accept-Language'), ['Accept-Language', pad('en-', 128)], ['Content-Language', 'x']] },
  { slug: 'downlink-128', send: h('Downlink', longNumber(128)) },
  { slug: 'range-128', send: h('Range', `bytes=${'0'.repeat(120)}1-`) },
  { slug: 'total-four-128', send: EIGHT_FULL.slice(0, 4) },
];

export const SAFELIST: readonly Scenario[] = SAFELIST_CASES.map((c): Scenario => ({
  id: `safelist-${c.slug}`,
  title: `${c.send.length > 2 ? `${c.send.length} safelisted headers` : showLines(c.send)}`.slice(0, 90),
  dimension: 'safelist',
  description: `A GET sending ${c.send.length > 2 ? c.send.map(([n, v]) => `${n} (${v.length} bytes)`).join(', ') : showLines(c.send)}. The preflight, if one is sent, allows the origin but no headers.`,
  request: { target: 'api', method: 'GET', credentials: 'omit', headers: c.send },
  preflight: { status: 204, headers: [[ACAO, APP]] },
  actual: text(200, [[ACAO, APP]]),
}));
