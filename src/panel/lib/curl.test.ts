import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hostileSample, sampleSet } from '../fixtures/sample';
import { actualCurl, curlCommand, preflightCurl } from './curl';
import { shellQuote } from './shell-quote';

/** What a POSIX shell makes of `words` (each printed on its own line, NUL-separated). */
function shellWords(command: string): string[] {
  return execFileSync('sh', ['-c', `printf '%s\\0' ${command}`], { encoding: 'utf8' }).split('\0').slice(0, -1);
}

describe('shellQuote', () => {
  it('any string comes back from the shell unchanged, as one word', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 40 }).filter((s) => !s.includes('\0')), (s) => {
      expect(shellWords(shellQuote(s))).toEqual([s]);
    }), { numRuns: 60 });
  });
});

describe('curl commands', () => {
  it('the preflight replays OPTIONS with its Origin and Access-Control-Request-* headers', () => {
    const rest = sampleSet().find((s) => s.exchange.id === 'rest-403')!.exchange;
    const words = shellWords(preflightCurl(rest)!.replace(/\\\n/g, ' '));
    expect(words.slice(0, 5)).toEqual(['curl', '-i', 'https://abc123.execute-api.us-east-1.amazonaws.com/prod/items/42', '-X', 'OPTIONS']);
    expect(words).toContain('Access-Control-Request-Method: PUT');
    expect(words).toContain('Access-Control-Request-Headers: content-type,x-api-key');
  });

  it('hostile header values stay inside their quotes', () => {
    const h = hostileSample().exchange;
    const evil = { ...h, request: { ...h.request, headers: [...h.request.headers, { name: 'X-Cmd', value: "'; touch /tmp/pwned; echo '" }] } };
    const words = shellWords(actualCurl(evil).replace(/\\\n/g, ' '));
    expect(words).toContain("X-Cmd: '; touch /tmp/pwned; echo '");
    expect(words).toContain(`X-Evil: ${h.request.headers[1]!.value}`);
  });

  it('leaves out headers curl sets itself and HTTP/2 pseudo-headers; GET needs no -X', () => {
    const cmd = curlCommand('GET', 'https://a.test/', [{ name: ':authority', value: 'a.test' }, { name: 'Host', value: 'a.test' }, { name: 'Accept', value: '*/*' }]);
    expect(shellWords(cmd.replace(/\\\n/g, ' '))).toEqual(['curl', '-i', 'https://a.test/', '-H', 'Accept: */*']);
  });
});
