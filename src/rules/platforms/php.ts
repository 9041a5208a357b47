/**
 * PHP: scripts that write their CORS headers themselves with header(), and Laravel. Measured against PHP
 * 8.2 (e2e/middleware/php-lab.ts, the built-in server): PHP does nothing for a preflight by itself — the
 * script runs for OPTIONS like for any request —, and it sends only the headers set before the script
 * stopped or sent its output: a header() call after output was flushed is dropped with a "headers already
 * sent" warning, and an exception, exit or authentication check placed before the header() calls leaves
 * them out (the ones set before an exception stay on its 500). With display_errors on, a fatal error is a
 * 200 whose body is the error message.
 */
import type { ResponseRecord } from '../../model';
import { makeFinding } from '../findings/catalogue';
import { fixesFor, type Candidate, type ResponseMeaning, type RuleContext } from '../findings/context';
import { headersStack } from '../findings/fixes/headers';
import { phpStack } from '../findings/fixes/php';
import { genericMeaning } from '../findings/status';
import { corsHeaderNames, hasHeader, headerLines, headerValue, isOkStatus, oneLine } from '../findings/wire';
import { matchSignals, type Signal } from './signals';
import type { PlatformModule } from './types';

const ID = 'php' as const;
const NAME = 'PHP';

/**
 * PHP's warning for a header() call after output (HTML with display_errors in a web SAPI, plain text on the
 * CLI), with where the output started and where the dropped header() call is, when it says.
 */
const HEADERS_SENT = /Cannot modify header information - headers already sent(?: by \(output started at [^)\n]{0,200}\))?(?:\s+in\s+(?:<b>)?[^<\n]{1,200}?(?:<\/b>)?\s+on line\s+(?:<b>)?\d+)?/;
/** A fatal or parse error as PHP prints it (display_errors on). */
const FATAL = /(?:<b>)?(?:PHP )?(?:Fatal|Parse) error(?:<\/b>)?:\s+([^\n<]{0,200})/;

const SIGNALS: readonly Signal[] = [
  // expose_php: on in php.ini-development and without a php.ini, off in php.ini-production.
  { kind: 'header', name: 'x-powered-by', value: /^PHP\/\d/, weight: 0.9 },
  // session_start()'s default cache limiter ("nocache") sends this date.
  { kind: 'header', name: 'expires', value: /^Thu, 19 Nov 1981 08:52:00 GMT$/, weight: 0.8 },
  {
    kind: 'custom', weight: 0.7,
    test: (_e, input) => {
      for (const { where, response } of input.responses) {
        const cookie = headerLines(response, 'set-cookie').find((v) => /^\s*(?:PHPSESSID|laravel_session)=/.test(v));
        if (cookie) return `${where}: Set-Cookie: ${cookie.trim().split('=')[0]}=… (${cookie.includes('laravel_session') ? 'Laravel\'s session' : 'PHP\'s session'})`;
      }
      return null;
    },
  },
  { kind: 'body', pattern: /<b>(?:Warning|Fatal error|Parse error|Notice|Deprecated)<\/b>:\s/, weight: 0.8, label: 'a PHP error message in the body' },
  // PHP's built-in server (php -S) echoes a Host header in its answers; no other common server does.
  {
    kind: 'custom', weight: 0.5,
    test: (_e, input) => {
      const hit = input.responses.find(({ response }) => input.lowerNames(response).includes('host'));
      return hit ? `${hit.where}: a Host header in the answer (PHP's built-in server)` : null;
    },
  },
  // PHP's default Content-type, with its own spelling of the name (HTTP/1.1 keeps it).
  {
    kind: 'custom', weight: 0.25,
    test: (_e, input) => {
      for (const { where, response } of input.responses) {
        if (response.headers.some((h) => h.name === 'Content-type' && h.value === 'text/html; charset=UTF-8')) return `${where}: Content-type: text/html; charset=UTF-8 (PHP's default)`;
      }
      return null;
    },
  },
];

type BodyProblem = { kind: 'headers-sent'; text: string } | { kind: 'fatal'; text: string };

/** Bodies read already: explain, the hint and the finding each ask about the same answers. */
const problems = new WeakMap<ResponseRecord, BodyProblem | null>();

/** What the body shows of a PHP problem (bodies are in HARs with content, probes and Re-check). */
function bodyProblem(r: ResponseRecord): BodyProblem | null {
  const body = r.body ?? '';
  if (!body) return null;
  let problem = problems.get(r);
  if (problem === undefined) problems.set(r, (problem = readBody(body)));
  return problem;
}

function readBody(body: string): BodyProblem | null {
  const sent = HEADERS_SENT.exec(body);
  if (sent) return { kind: 'headers-sent', text: oneLine(sent[0].replace(/<\/?b>/g, ''), 240) };
  const fatal = FATAL.exec(body);
  return fatal ? { kind: 'fatal', text: oneLine(fatal[1]!.replace(/&quot;/g, '"'), 160) } : null;
}

const FIRST = 'Set the CORS headers, and answer OPTIONS, first thing: in a file every entry script requires before anything else (or PHP\'s auto_prepend_file).';

function explainPhp(r: ResponseRecord, where: string): ResponseMeaning | null {
  const preflight = where.startsWith('preflight');
  const cors = corsHeaderNames(r).length > 0;
  const problem = bodyProblem(r);
  if (!cors && problem?.kind === 'fatal' && r.status >= 500) {
    return {
      ...genericMeaning(r, where),
      label: 'a PHP fatal error',
      meaning: `The script stopped with a fatal error (${problem.text}) before it set the CORS headers: PHP keeps the headers set before an error and never sets the ones after it. ${FIRST}`,
      generatedBy: 'backend',
    };
  }
  if (!cors && r.status === 500 && !problem) {
    return {
      ...genericMeaning(r, where),
      label: 'a PHP error (500)',
      meaning: 'PHP answers 500 when the script stops with an uncaught exception or a fatal error (an empty page while display_errors is off, as in production; the error log says which). Headers set with header() before the error stay on the answer; the ones after it are never set.',
      generatedBy: 'backend',
    };
  }
  if (!cors && (r.status === 401 || r.status === 403)) {
    return {
      ...genericMeaning(r, where),
      meaning: `${genericMeaning(r, where).meaning} In a PHP script, an authentication check that runs before the header() calls answers without them, and a preflight never carries the Authorization header or the cookie it checks for. ${FIRST}`,
      generatedBy: 'backend',
    };
  }
  if (preflight && !cors && isOkStatus(r.status) && !problem) {
    if (r.status === 204) {
      return {
        category: 'no-cors',
        label: 'the script\'s OPTIONS branch answered before its CORS headers',
        meaning: 'The script answered the OPTIONS request with 204 and no CORS header. PHP answers a preflight only as the script says, and a 204 is what an `if ($_SERVER[\'REQUEST_METHOD\'] === \'OPTIONS\') { http_response_code(204); exit; }` branch sends: here one that runs before the header() calls (or that exits before them). Set the headers first, then answer OPTIONS.',
        evidence: [`${where}: HTTP 204, no CORS header`],
        generatedBy: 'backend',
      };
    }
    return {
      category: 'no-cors',
      label: 'the PHP script answered OPTIONS like any request',
      meaning: `PHP does nothing for a preflight by itself: the script answered the OPTIONS request like any other (HTTP ${r.status}) and no CORS header was set on it.`,
      evidence: [`${where}: HTTP ${r.status}, no CORS header`],
      generatedBy: 'backend',
    };
  }
  return r.status >= 400 ? { ...genericMeaning(r, where), generatedBy: 'backend' } : null;
}

/** An answer with no CORS header at all. */
function missingCorsHint(r: ResponseRecord, where: string): string | null {
  const problem = bodyProblem(r);
  if (problem?.kind === 'headers-sent') return `PHP dropped the script's header() calls: output had already been sent (its warning is in the body: "${problem.text}"). ${FIRST}`;
  if (problem?.kind === 'fatal') return `The script stopped with a fatal error before it set the CORS headers (display_errors turns it into this page, status ${r.status}): "${problem.text}". ${FIRST}`;
  // explainPhp has said what a 204 to the preflight, a 5xx and a refusal mean.
  if ((where.startsWith('preflight') && r.status === 204) || r.status >= 400) return null;
  return `PHP sends only the headers the script set before it stopped or sent output: a header() call after output was flushed (or after output_buffering's 4 KB) is dropped with a "headers already sent" warning, and an exit, an exception or an authentication check placed before the header() calls leaves them out too. ${FIRST}`;
}

/** CORS headers without Access-Control-Allow-Origin: the script's own origin check. */
function partialCorsHint(r: ResponseRecord): string | null {
  if (hasHeader(r, 'access-control-allow-origin')) return null;
  return 'A PHP script that sets Access-Control-Allow-Origin only when the Origin is in its list (in_array) leaves it out for any other: compare the exact origin (scheme, host and port, no path or trailing slash) with $_SERVER[\'HTTP_ORIGIN\'].';
}

/** PHP's "headers already sent" warning on an answer without CORS headers: the cause, said plainly. */
function headersAlreadySent(ctx: RuleContext): Candidate[] {
  let text = '';
  const hit = ctx.facts.responses.find(({ response }) => {
    const problem = corsHeaderNames(response).length === 0 ? bodyProblem(response) : null;
    if (problem?.kind !== 'headers-sent') return false;
    text = problem.text;
    return true;
  });
  if (!hit) return [];
  const poweredBy = headerValue(hit.response, 'x-powered-by');
  return [{
    finding: makeFinding('php-headers-already-sent', {
      explanation: `PHP answered ${hit.where.startsWith('preflight') ? 'the preflight' : 'the request'} without the script's CORS headers and said why in the body: "${text}". Output had already been sent when the script called header() (an echo or a notice, flush(), more than output_buffering's 4 KB, a blank line or a UTF-8 BOM before <?php or after a closing tag in an included file), and PHP sends headers only before the first output. Move the header() calls before any output, or better, into a file every request runs first; remove the stray output.`,
      evidence: [`${hit.where}: "${text}"`, poweredBy ? `${hit.where}: X-Powered-By: ${oneLine(poweredBy, 40)}` : null],
      fixes: fixesFor(ctx, ['allow']),
    }),
  }];
}

export const php: PlatformModule = {
  id: ID,
  name: NAME,
  role: 'origin',
  stacks: [phpStack, headersStack],
  detect: (exchange, _verdict, input) => matchSignals(ID, NAME, exchange, SIGNALS, input),
  explain: (r, where) => explainPhp(r, where),
  missingCorsHint: (r, where) => missingCorsHint(r, where),
  partialCorsHint: (r) => partialCorsHint(r),
  findings: (ctx) => headersAlreadySent(ctx),
};
