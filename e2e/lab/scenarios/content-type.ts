/**
 * Content-Type values on a POST: which keep it simple (no preflight) and which need one. The preflight
 * allows the origin and POST but no headers, so a non-safelisted type is blocked on the preflight;
 * a few scenarios allow Content-Type to show the passing path.
 */
import type { HeaderLine, Scenario } from '../scenario';
import { ACAH, ACAM, ACAO, APP, show, text } from './build';

interface ContentTypeCase {
  slug: string;
  /** undefined: the page sets no Content-Type (fetch picks one for a string body). */
  value?: string;
  allowContentType?: boolean;
}

export const CONTENT_TYPE_CASES: readonly ContentTypeCase[] = [
  { slug: 'none-string-body' },
  { slug: 'text-plain', value: 'text/plain' },
  { slug: 'text-plain-charset', value: 'text/plain;charset=utf-8' },
  { slug: 'text-plain-upper', value: 'TEXT/PLAIN' },
  { slug: 'text-plain-mixed-charset', value: 'Text/Plain; Charset=UTF-8' },
  { slug: 'text-plain-quoted-charset', value: 'text/plain; charset="utf-8"' },
  { slug: 'text-plain-empty-param', value: 'text/plain;' },
  { slug: 'text-plain-two-charsets', value: 'text/plain;charset=utf-8;charset=latin1' },
  { slug: 'text-plain-paren-param', value: 'text/plain; x=(y)' },
  { slug: 'text-plain-brace', value: 'text/plain{' },
  { slug: 'text-plain-129', value: `text/plain;x=${'a'.repeat(116)}` },
  { slug: 'text-plain-128', value: `text/plain;x=${'a'.repeat(115)}` },
  { slug: 'text-space-plain', value: 'text /plain' },
  { slug: 'text-only', value: 'text' },
  { slug: 'empty', value: '' },
  { slug: 'list-plain-json', value: 'text/plain, application/json' },
  { slug: 'list-json-plain', value: 'application/json, text/plain' },
  { slug: 'form-urlencoded', value: 'application/x-www-form-urlencoded' },
  { slug: 'form-urlencoded-charset', value: 'application/x-www-form-urlencoded; charset=UTF-8' },
  { slug: 'multipart-no-boundary', value: 'multipart/form-data' },
  { slug: 'multipart-boundary', value: 'multipart/form-data; boundary=----x' },
  { slug: 'multipart-mixed', value: 'multipart/mixed; boundary=x' },
  { slug: 'json', value: 'application/json' },
  { slug: 'json-charset', value: 'application/json; charset=utf-8' },
  { slug: 'text-html', value: 'text/html' },
  { slug: 'text-xml', value: 'text/xml' },
  { slug: 'csp-report', value: 'application/csp-report' },
  { slug: 'octet-stream', value: 'application/octet-stream' },
  { slug: 'json-allowed', value: 'application/json', allowContentType: true },
  { slug: 'xml-allowed', value: 'application/xml', allowContentType: true },
];

export const CONTENT_TYPES: readonly Scenario[] = CONTENT_TYPE_CASES.map((c): Scenario => {
  const send: readonly HeaderLine[] = c.value === undefined ? [] : [['Content-Type', c.value]];
  const pre: HeaderLine[] = [[ACAO, APP], [ACAM, 'POST']];
  if (c.allowContentType) pre.push([ACAH, 'Content-Type']);
  return {
    id: `content-type-${c.slug}`,
    title: c.value === undefined ? 'POST with a string body and no Content-Type' : `POST Content-Type: ${show(c.value).slice(0, 60)}`,
    dimension: 'content-type',
    description: `A POST with body "x" and ${c.value === undefined ? 'no Content-Type set by the page' : `Content-Type ${show(c.value)}`}. The preflight, if one is sent, allows the origin and POST${c.allowContentType ? ' and Content-Type' : ' but no headers'}.`,
    request: { target: 'api', method: 'POST', credentials: 'omit', body: 'x', headers: send },
    preflight: { status: 204, headers: pre },
    actual: text(200, [[ACAO, APP]]),
  };
});
