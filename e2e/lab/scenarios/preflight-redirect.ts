/**
 * Preflights answered with a redirect (never followed: a redirected preflight fails).
 * The Location is written in the preflight's header lines, with the lab's template tokens.
 */
import type { Scenario } from '../scenario';
import { ACAM, ACAO, APP, okFor, put } from './build';

interface RedirectCase {
  slug: string;
  status: number;
  location: string;
  cors: boolean;
}

const CASES: readonly RedirectCase[] = [
  { slug: '301-same-origin', status: 301, location: '{self}/elsewhere', cors: true },
  { slug: '302-same-origin', status: 302, location: '{self}/elsewhere', cors: true },
  { slug: '303-same-origin', status: 303, location: '{self}/elsewhere', cors: true },
  { slug: '307-same-origin', status: 307, location: '{self}/elsewhere', cors: true },
  { slug: '308-same-origin', status: 308, location: '{self}/elsewhere', cors: true },
  { slug: '307-third', status: 307, location: '{third}/elsewhere', cors: true },
  { slug: '302-relative', status: 302, location: '/elsewhere', cors: true },
  { slug: '301-without-cors', status: 301, location: '{self}/elsewhere', cors: false },
  { slug: '308-without-cors', status: 308, location: '{third}/elsewhere', cors: false },
  { slug: '300-with-location', status: 300, location: '{self}/elsewhere', cors: true },
  { slug: '302-https-upgrade', status: 302, location: 'https://{api.host}/elsewhere', cors: true },
  { slug: '302-empty-location', status: 302, location: '', cors: true },
];

export const PREFLIGHT_REDIRECTS: readonly Scenario[] = CASES.map((c): Scenario => ({
  id: `preflight-redirect-${c.slug}`,
  title: `Preflight answered ${c.status} → ${c.location || '(empty Location)'}`,
  dimension: 'preflight-redirect',
  description: `A PUT whose preflight is answered ${c.status} with Location ${JSON.stringify(c.location)}${c.cors ? ' and complete CORS headers' : ' and no CORS headers'}.`,
  request: put(),
  preflight: { status: c.status, headers: [...(c.cors ? [[ACAO, APP], [ACAM, 'PUT']] as const : []), ['Location', c.location]] },
  actual: okFor(),
}));
