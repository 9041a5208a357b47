/**
 * Range values on a GET: a single `bytes=N-[M]` range is safelisted, everything else needs a preflight.
 * The preflight allows the origin but no headers (except in the "-allowed" scenarios).
 */
import type { Scenario } from '../scenario';
import { ACAH, ACAO, APP, show } from './build';

interface RangeCase {
  slug: string;
  value: string;
  allowRange?: boolean;
}

export const RANGE_CASES: readonly RangeCase[] = [
  { slug: 'open-ended', value: 'bytes=0-' },
  { slug: 'closed', value: 'bytes=0-10' },
  { slug: 'large-offset', value: 'bytes=1000-2000' },
  { slug: 'suffix', value: 'bytes=-5' },
  { slug: 'multiple', value: 'bytes=0-10,20-30' },
  { slug: 'multiple-spaced', value: 'bytes=0-10, 20-30' },
  { slug: 'reversed', value: 'bytes=10-5' },
  { slug: 'spaces-around-equals', value: 'bytes = 0-1' },
  { slug: 'unit-upper', value: 'BYTES=0-1' },
  { slug: 'other-unit', value: 'items=0-5' },
  { slug: 'not-numbers', value: 'bytes=a-b' },
  { slug: 'leading-zeros', value: 'bytes=00-01' },
  { slug: 'equal-start-end', value: 'bytes=5-5' },
  { slug: 'huge-number', value: 'bytes=0-99999999999999999999' },
  { slug: 'suffix-allowed', value: 'bytes=-5', allowRange: true },
  { slug: 'multiple-allowed', value: 'bytes=0-10,20-30', allowRange: true },
];

export const RANGES: readonly Scenario[] = RANGE_CASES.map((c): Scenario => ({
  id: `range-${c.slug}`,
  title: `GET Range: ${show(c.value)}${c.allowRange ? ' (Range allowed)' : ''}`,
  dimension: 'range',
  description: `A GET with Range ${show(c.value)}. The preflight, if one is sent, allows the origin${c.allowRange ? ' and Range' : ' but no headers'}. The server answers 206.`,
  request: { target: 'api', method: 'GET', credentials: 'omit', headers: [['Range', c.value]] },
  preflight: { status: 204, headers: c.allowRange ? [[ACAO, APP], [ACAH, 'Range']] : [[ACAO, APP]] },
  actual: { status: 206, headers: [[ACAO, APP], ['Content-Type', 'text/plain'], ['Content-Range', 'bytes 0-1/10']], body: 'ok' },
}));
