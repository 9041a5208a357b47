/**
 * Actual requests redirected across the three origins (api, third, and app = the page's own origin).
 * A redirect to another origin taints the request's origin to "null" unless the redirecting URL was
 * same-origin with the page, so later responses need ACAO "null" or "*".
 */
import type { HeaderLine, RedirectHop, Scenario } from '../scenario';
import { ACAC, ACAH, ACAM, ACAO, APP, get, text } from './build';

const A = (v: string = APP): HeaderLine => [ACAO, v];
const hop = (status: RedirectHop['status'], to: RedirectHop['to'], headers: readonly HeaderLine[], more: Partial<RedirectHop> = {}): RedirectHop => ({ status, to, headers, ...more });

function chain(id: string, title: string, description: string, s: Omit<Scenario, 'id' | 'title' | 'description' | 'dimension'>): Scenario {
  return { id: `redirect-${id}`, title, description, dimension: 'redirect-chain', ...s };
}

const final = (lines: readonly HeaderLine[]) => text(200, lines, 'final');

export const REDIRECT_CHAINS: readonly Scenario[] = [
  chain('api-api-allowed', 'api → api, every answer allows the page', 'A GET to api is redirected (302) to another api URL; both answers carry ACAO = the page origin.',
    { request: get(), redirects: [hop(302, 'api', [A()])], actual: final([A()]) }),
  chain('api-api-hop-without-acao', 'api → api, the redirect lacks ACAO', 'The 302 itself has no Access-Control-Allow-Origin; the final answer would allow the page.',
    { request: get(), redirects: [hop(302, 'api', [])], actual: final([A()]) }),
  chain('api-api-hop-star', 'api → api, the redirect answers *', 'The 302 answers ACAO *; the final answer allows the page.',
    { request: get(), redirects: [hop(302, 'api', [A('*')])], actual: final([A()]) }),
  chain('api-api-hop-mismatch', 'api → api, the redirect allows another origin', 'The 302 answers ACAO = the api origin.',
    { request: get(), redirects: [hop(302, 'api', [A('{api}')])], actual: final([A()]) }),
  chain('api-api-final-without-acao', 'api → api, the final answer lacks ACAO', 'The 302 allows the page; the final 200 has no ACAO.',
    { request: get(), redirects: [hop(302, 'api', [A()])], actual: final([]) }),
  chain('api-api-relative', 'api → api with a relative Location', 'The 302 carries a path-only Location; both answers allow the page.',
    { request: get(), redirects: [hop(302, 'api', [A()], { relative: true })], actual: final([A()]) }),
  chain('api-third-final-page', 'api → third, final ACAO = page origin', 'Crossing to a third origin taints the Origin to "null"; the final answer still names the page origin.',
    { request: get(), redirects: [hop(302, 'third', [A()])], actual: final([A()]) }),
  chain('api-third-final-null', 'api → third, final ACAO null', 'Crossing to a third origin; the final answer allows "null".',
    { request: get(), redirects: [hop(302, 'third', [A()])], actual: final([A('null')]) }),
  chain('api-third-final-star', 'api → third, final ACAO *', 'Crossing to a third origin; the final answer allows *.',
    { request: get(), redirects: [hop(302, 'third', [A()])], actual: final([A('*')]) }),
  chain('api-third-final-none', 'api → third, final without ACAO', 'Crossing to a third origin; the final answer has no ACAO.',
    { request: get(), redirects: [hop(302, 'third', [A()])], actual: final([]) }),
  chain('api-third-hop-null', 'api → third, the redirect answers null', 'The redirect from api answers ACAO null (before any tainting); the final answer allows *.',
    { request: get(), redirects: [hop(302, 'third', [A('null')])], actual: final([A('*')]) }),
  chain('api-app-final-page', 'api → app (the page origin), final ACAO = page', 'Redirected back to the page\'s own origin: the request stays CORS with a tainted Origin; the final answer names the page origin.',
    { request: get(), redirects: [hop(302, 'app', [A()])], actual: final([A()]) }),
  chain('api-app-final-null', 'api → app, final ACAO null', 'Redirected back to the page\'s own origin; the final answer allows "null".',
    { request: get(), redirects: [hop(302, 'app', [A()])], actual: final([A('null')]) }),
  chain('api-app-final-none', 'api → app, final without ACAO', 'Redirected back to the page\'s own origin; the final answer has no ACAO (a same-origin answer would not need one).',
    { request: get(), redirects: [hop(302, 'app', [A()])], actual: final([]) }),
  chain('api-third-api-null', 'api → third → api, final ACAO null', 'Two cross-origin hops; every later answer allows "null".',
    { request: get(), redirects: [hop(302, 'third', [A()]), hop(302, 'api', [A('null')])], actual: final([A('null')]) }),
  chain('api-third-api-second-hop-page', 'api → third → api, second redirect names the page', 'The second redirect (from third, after tainting) answers ACAO = the page origin.',
    { request: get(), redirects: [hop(302, 'third', [A()]), hop(302, 'api', [A()])], actual: final([A('null')]) }),
  chain('api-api-api-allowed', 'api → api → api, all allowed', 'Two same-origin hops, all answers allow the page.',
    { request: get(), redirects: [hop(301, 'api', [A()]), hop(307, 'api', [A()])], actual: final([A()]) }),
  chain('userinfo-same-origin', 'Location with user:pass (same origin)', 'The 302 points to http://user:pass@api/…; the redirect allows the page.',
    { request: get(), redirects: [hop(302, 'api', [A()], { userinfo: 'user:pass' })], actual: final([A()]) }),
  chain('userinfo-third', 'Location with user:pass (third origin)', 'The 302 points to http://user:pass@third/…',
    { request: get(), redirects: [hop(302, 'third', [A()], { userinfo: 'user:pass' })], actual: final([A('*')]) }),
  chain('userinfo-user-only', 'Location with a user name only', 'The 302 points to http://user@api/…',
    { request: get(), redirects: [hop(302, 'api', [A()], { userinfo: 'user' })], actual: final([A()]) }),
  chain('userinfo-hop-without-acao', 'Location with user:pass and no ACAO on the redirect', 'Which check comes first: the missing ACAO or the credentials in the Location?',
    { request: get(), redirects: [hop(302, 'api', [], { userinfo: 'user:pass' })], actual: final([A()]) }),
  chain('post-301-becomes-get', 'POST → 301 → GET', 'A simple POST is redirected with 301 (the method becomes GET); all answers allow the page.',
    { request: get({ method: 'POST', body: 'x' }), redirects: [hop(301, 'api', [A()])], actual: final([A()]) }),
  chain('post-303', 'POST → 303', 'A simple POST redirected with 303; all answers allow the page.',
    { request: get({ method: 'POST', body: 'x' }), redirects: [hop(303, 'api', [A()])], actual: final([A()]) }),
  chain('post-307-keeps-method', 'POST → 307 (method kept)', 'A simple POST redirected with 307 to third; the final answer allows *.',
    { request: get({ method: 'POST', body: 'x' }), redirects: [hop(307, 'third', [A()])], actual: final([A('*')]) }),
  chain('put-307-third-preflight', 'PUT → 307 → third (new preflight there)', 'A preflighted PUT is redirected with 307 to third: the browser preflights again, with Origin null. Third allows null and PUT.',
    { request: get({ method: 'PUT', body: 'x' }), preflight: { status: 204, headers: [A('*'), [ACAM, 'PUT']] }, redirects: [hop(307, 'third', [A()])], actual: final([A('null')]) }),
  chain('put-307-third-preflight-page-origin', 'PUT → 307 → third, third\'s preflight names the page', 'Like the previous, but the preflight answers ACAO = the page origin everywhere.',
    { request: get({ method: 'PUT', body: 'x' }), preflight: { status: 204, headers: [A(), [ACAM, 'PUT']] }, redirects: [hop(307, 'third', [A()])], actual: final([A()]) }),
  chain('post-header-303-third-preflight', 'preflighted POST → 303 → third (new preflight asks GET)', 'A POST with X-Custom is preflighted and redirected with 303 to third: the method becomes GET, the custom header stays, so the browser preflights again (GET, Origin null); the preflight answers name the page origin only.',
    { request: get({ method: 'POST', body: 'x', headers: [['X-Custom', '1']] }), preflight: { status: 204, headers: [A(), [ACAH, 'x-custom']] }, redirects: [hop(303, 'third', [A()])], actual: final([A('*')]) }),
  chain('put-header-303-third-preflight-star', 'preflighted PUT → 303 → third, preflights answer *', 'Like the previous with PUT, and every preflight answers ACAO *: the second preflight (GET, Origin null) passes too.',
    { request: get({ method: 'PUT', body: 'x', headers: [['X-Custom', '1']] }), preflight: { status: 204, headers: [A('*'), [ACAM, 'PUT'], [ACAH, 'x-custom']] }, redirects: [hop(303, 'third', [A()])], actual: final([A('null')]) }),
  chain('page-pragma-302-third-preflight', 'GET with a page-set Pragma → 302 → third (new preflight, Origin null)', 'The page sets Pragma: no-cache (so the GET is preflighted; the preflight lists pragma) and is redirected to third: the request is preflighted again there with Origin null, and the preflight answers name the page origin only.',
    { request: get({ headers: [['Pragma', 'no-cache']] }), preflight: { status: 204, headers: [A(), [ACAH, 'pragma']] }, redirects: [hop(302, 'third', [A()])], actual: final([A('*')]) }),
  chain('include-same-origin-allowed', 'credentials include, api → api, ACAC everywhere', 'A credentialed GET redirected within api; every answer allows the page with ACAC true.',
    { request: get({ credentials: 'include' }), redirects: [hop(302, 'api', [A(), [ACAC, 'true']])], actual: final([A(), [ACAC, 'true']]) }),
  chain('include-hop-without-acac', 'credentials include, the redirect lacks ACAC', 'A credentialed GET; the 302 allows the page but has no ACAC.',
    { request: get({ credentials: 'include' }), redirects: [hop(302, 'api', [A()])], actual: final([A(), [ACAC, 'true']]) }),
  chain('include-hop-star', 'credentials include, the redirect answers *', 'A credentialed GET; the 302 answers ACAO * with ACAC true.',
    { request: get({ credentials: 'include' }), redirects: [hop(302, 'api', [A('*'), [ACAC, 'true']])], actual: final([A(), [ACAC, 'true']]) }),
  chain('include-third-final-null', 'credentials include, api → third, final ACAO null + ACAC', 'A credentialed GET crossing to third; the final answer allows "null" with ACAC true.',
    { request: get({ credentials: 'include' }), redirects: [hop(302, 'third', [A(), [ACAC, 'true']])], actual: final([A('null'), [ACAC, 'true']]) }),
  chain('mode-error', 'redirect: "error" meets a redirect', 'fetch(url, { redirect: "error" }) to a URL answered with 302: a network error, not a CORS one.',
    { request: get({ redirect: 'error' }), redirects: [hop(302, 'api', [A()])], actual: final([A()]) }),
  chain('mode-manual', 'redirect: "manual" meets a redirect', 'fetch(url, { redirect: "manual" }): the page gets an opaque-redirect response.',
    { request: get({ redirect: 'manual' }), redirects: [hop(302, 'api', [A()])], actual: final([A()]) }),
  chain('too-many', 'Twenty-one redirects', 'api → api 21 times, each allowing the page: more than the 20 redirects a fetch follows.',
    { request: get(), redirects: Array.from({ length: 21 }, () => hop(302, 'api', [A()])), actual: final([A()]) }),
  chain('300-not-followed', 'GET answered 300 with a Location', 'A 300 Multiple Choices carries a Location and ACAO = the page: Chromium does not follow a 300, so the page gets the 300 itself.',
    { request: get(), actual: text(300, [A(), ['Location', '{self}/elsewhere']], 'choices') }),
  chain('first-location-empty', 'A 302 whose first Location is empty', 'The 302 sends an empty Location line before the real one: Chromium follows the first non-empty Location.',
    { request: get(), redirects: [hop(302, 'api', [A()], { emptyLocationFirst: true })], actual: final([A()]) }),
  chain('hop-preflight-after-earlier-chain', "A redirect's new preflight, after an earlier chain through the same hop", 'An earlier HEAD (no preflight) follows third → app → api, answered at every hop; then a HEAD with a page-set Pragma does the same with cache "no-store": the earlier hop request carries Pragma too (the network stack adds it for "no-store"), so the later preflight to app (Origin null) matches it on headers — but it was answered before that preflight started. The preflight answers the page origin, not "null".',
    { request: get({ target: 'third', method: 'HEAD', headers: [['Pragma', 'no-cache']], cache: 'no-store', setup: [{ kind: 'cors-fetch', headers: [] }] }), preflight: { status: 200, headers: [A(), [ACAC, 'true'], [ACAH, 'pragma']] }, redirects: [hop(307, 'app', [A(), [ACAC, 'true']]), hop(307, 'api', [A('{api}')])], actual: final([A()]) }),
  chain('twenty', 'Exactly twenty redirects', 'api → api 20 times, each allowing the page.',
    { request: get(), redirects: Array.from({ length: 20 }, () => hop(302, 'api', [A()])), actual: final([A()]) }),
];
