/** Step 8: the preflight cache (Access-Control-Max-Age) and the HTTP cache (Vary: Origin). */
import type { Exchange } from '../../../model';
import { DEFAULT_MAX_AGE_SECONDS, MAX_MAX_AGE_SECONDS } from '../../../rules/cors';
import { buildExchange, corsHeaders } from '../../../rules/cors/test-support';
import { Code } from '../ui';
import { MaxAgeCalc } from '../widgets/max-age';
import { APP, variant } from './build';
import type { LearnStep } from './types';

const MDN = 'https://developer.mozilla.org/en-US/docs';
const IMAGE = 'https://photos-prod.s3.eu-west-1.amazonaws.com/avatars/ada.png';
const S3_HEADERS = [
  { name: 'Content-Type', value: 'image/png' },
  { name: 'Cache-Control', value: 'max-age=86400' },
  { name: 'ETag', value: '"a1b2"' },
  { name: 'x-amz-request-id', value: 'B6Q9TZ7M3K1R8W2D' },
  { name: 'Server', value: 'AmazonS3' },
];

/** An <img> loaded the file first (no Origin, no CORS headers, cached for a day); fetch() then gets that copy. */
function imageThenFetch(): Exchange {
  const e = buildExchange({ origin: APP, url: IMAGE, credentials: 'same-origin', response: { status: 200, headers: S3_HEADERS, fromCache: 'disk' } });
  e.earlierLoad = { url: IMAGE, startedAt: -2000, resourceType: 'image', response: { status: 200, headers: S3_HEADERS.map((h) => ({ ...h })) } };
  return e;
}

export const cachesStep: LearnStep = {
  id: 'caches',
  title: 'The preflight cache and the HTTP cache',
  short: 'Caches',
  Body: () => (
    <>
      <h3 class="cl-learn-subtitle">The preflight cache</h3>
      <p>
        A preflight answer that passed is remembered for <Code>Access-Control-Max-Age</Code> seconds, for the same
        origin, URL and credentials mode; meanwhile no <Code>OPTIONS</Code> goes on the wire. Without the header Chromium
        keeps it <strong>{DEFAULT_MAX_AGE_SECONDS} seconds</strong>; it never keeps one longer than{' '}
        <strong>{MAX_MAX_AGE_SECONDS} seconds</strong> (2 hours) — larger values are cut down. A failed preflight is not
        cached.
      </p>
      <p>
        So after you change the server, the browser may go on using an earlier passing answer for up to Max-Age seconds.
        While testing, tick “Disable cache” in the Network panel or wait it out.
      </p>
      <MaxAgeCalc />
      <h3 class="cl-learn-subtitle">The HTTP cache and CDNs</h3>
      <p>
        A response may come from the browser’s HTTP cache or a CDN instead of the server. If the server answers
        differently depending on <Code>Origin</Code> — echoing the origin, or adding CORS headers only when an Origin is
        present, as S3 does — it must send <Code>Vary: Origin</Code>, or a copy made for one request can be handed to
        another. Typical case: an <Code>&lt;img&gt;</Code> without <Code>crossorigin</Code> loads a file without Origin,
        and the browser caches it without CORS headers; the <Code>fetch()</Code> of the same URL then gets that copy and
        fails with a missing Allow-Origin — only sometimes. A CDN such as CloudFront needs <Code>Origin</Code> in its
        cache key for the same reason.
      </p>
    </>
  ),
  variants: [
    variant('caches', 'cached-preflight', 'Preflight from the cache', 'A second PUT within Max-Age: the browser reuses the preflight answer and sends the PUT at once.', {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, preflightFromCache: true,
      response: { status: 200, headers: corsHeaders({ origin: APP }) },
    }),
    variant('caches', 'image-first', '<img> first, then fetch()', 'The page shows the avatar with <img>, then fetch()es the same URL to draw it on a canvas.', imageThenFetch),
    variant('caches', 'vary', 'With Vary: Origin', 'The fetch() gets its own answer from S3, with CORS headers and Vary: Origin.', {
      url: IMAGE,
      response: { status: 200, headers: [...S3_HEADERS, ...corsHeaders({ origin: APP }), { name: 'Vary', value: 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method' }] },
    }),
  ],
  links: [
    { label: 'MDN: Access-Control-Max-Age', href: `${MDN}/Web/HTTP/Reference/Headers/Access-Control-Max-Age` },
    { label: 'MDN: Vary', href: `${MDN}/Web/HTTP/Reference/Headers/Vary` },
    { label: 'AWS: CloudFront and CORS (caching by request headers)', href: 'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/header-caching.html' },
    { label: 'AWS: S3 CORS', href: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/cors.html' },
  ],
};
