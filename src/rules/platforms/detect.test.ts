import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlatformId } from '../../model';
import { buildExchange } from '../cors/test-support';
import { diagnose } from '../diagnose';
import { detectPlatforms, PLATFORMS } from './index';
import { SIGNATURES } from './testing';

const ALL_IDS: PlatformId[] = [
  'aws-apigateway-rest', 'aws-apigateway-http', 'aws-lambda-url', 'aws-cloudfront', 'aws-s3', 'azure-apim',
  'gcp-api-gateway', 'gcp-cloud-run', 'nginx', 'apache', 'caddy', 'express', 'fastify', 'koa', 'fastapi', 'flask', 'django', 'go', 'rack', 'php', 'tomcat', 'jetty', 'spring',
];

function exchangeFor(id: string, extra: Array<[string, string]> = []) {
  const sig = SIGNATURES[id]!;
  return buildExchange({
    url: `https://${sig.host ?? 'api.example.net'}/v1/items`,
    response: { status: 200, headers: [...sig.headers.map(([n, v]) => [n, v] as [string, string]), ...extra], body: sig.body },
  });
}

describe('platform registry', () => {
  it('registers every platform id once (unknown is the fallback)', () => {
    expect(PLATFORMS.map((p) => p.id).sort()).toEqual([...ALL_IDS].sort());
  });

  it('has exactly one CDN module', () => {
    expect(PLATFORMS.filter((p) => p.role === 'cdn').map((p) => p.id)).toEqual(['aws-cloudfront']);
  });
});

describe('detectPlatforms', () => {
  for (const id of ALL_IDS) {
    it(`recognises ${id} from its own signature`, () => {
      const ex = exchangeFor(id);
      const d = detectPlatforms(ex, diagnose(ex).verdict);
      expect(d.platform.id).toBe(id);
      expect(d.platform.confidence).toBeGreaterThan(0.3);
      expect(d.platform.evidence.length).toBeGreaterThan(0);
    });
  }

  it('falls back to unknown with no evidence', () => {
    const ex = buildExchange({ url: 'https://api.example.net/x', response: { status: 200, headers: { 'Content-Type': 'application/json' } } });
    expect(diagnose(ex).platform).toEqual({ id: 'unknown', name: 'Unknown server', confidence: 0, evidence: [] });
  });

  it('tells HTTP APIs from REST APIs on the shared execute-api host', () => {
    const host = 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/x';
    const http = buildExchange({ url: host, response: { headers: { 'apigw-requestid': 'Yq=' } } });
    const rest = buildExchange({ url: host, response: { headers: { 'x-amz-apigw-id': 'Rk=' } } });
    expect(diagnose(http).platform.id).toBe('aws-apigateway-http');
    expect(diagnose(rest).platform.id).toBe('aws-apigateway-rest');
  });

  it('takes security headers any server can send for Django only beside other Django signals', () => {
    const pair = { 'Referrer-Policy': 'same-origin', 'X-Content-Type-Options': 'nosniff' };
    const alone = buildExchange({ url: 'https://api.example.net/x', response: { status: 200, headers: pair } });
    expect(diagnose(alone).platform.id).toBe('unknown');
    const nginx = buildExchange({ url: 'https://api.example.net/x', response: { status: 200, headers: { ...pair, Server: 'nginx/1.22.1' } } });
    expect(diagnose(nginx).platform.id).toBe('nginx');
    expect(diagnose(nginx).cdn).toBeUndefined();
    // Django's whole default set (SecurityMiddleware and XFrameOptionsMiddleware) is a weak sign on its own.
    const whole = buildExchange({ url: 'https://api.example.net/x', response: { status: 200, headers: { ...pair, 'X-Frame-Options': 'DENY' } } });
    expect(diagnose(whole).platform.id).toBe('django');
    expect(diagnose(whole).platform.confidence).toBeLessThan(0.6);
  });

  it('reports the origin and the CDN in front of it', () => {
    const ex = exchangeFor('aws-s3', [['X-Cache', 'Miss from cloudfront'], ['X-Amz-Cf-Id', 'x==']]);
    const d = diagnose(ex);
    expect(d.platform.id).toBe('aws-s3');
    expect(d.cdn?.id).toBe('aws-cloudfront');
  });

  it('reports CloudFront as the platform when no origin is recognised', () => {
    const d = diagnose(exchangeFor('aws-cloudfront'));
    expect(d.platform.id).toBe('aws-cloudfront');
    expect(d.cdn).toBeUndefined();
  });

  it('marks an edge-optimized API and offers no CloudFront fixes for it', () => {
    const ex = buildExchange({
      url: 'https://a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com/prod/items',
      response: { status: 200, headers: { 'x-amz-apigw-id': 'Rk=', 'X-Cache': 'Hit from cloudfront', 'X-Amz-Cf-Id': 'x==' } },
    });
    const d = diagnose(ex);
    expect(d.platform.id).toBe('aws-apigateway-rest');
    expect(d.cdn?.name).toMatch(/edge-optimized/);
    expect(d.findings.flatMap((f) => f.fixes).filter((f) => f.stack === 'cloudfront')).toEqual([]);
  });

  it('never loses confidence when more of the same platform\'s signals are present', () => {
    fc.assert(fc.property(fc.constantFrom(...ALL_IDS), fc.infiniteStream(fc.boolean()), (id, keep) => {
      const sig = SIGNATURES[id]!;
      const subset = sig.headers.filter(() => keep.next().value);
      const build = (lines: ReadonlyArray<readonly [string, string]>) => buildExchange({
        url: `https://${sig.host ?? 'api.example.net'}/v1/items`,
        response: { status: 200, headers: lines.map(([n, v]) => [n, v] as [string, string]), body: sig.body },
      });
      const fewer = detectPlatforms(build(subset), diagnose(build(subset)).verdict).platform;
      const all = detectPlatforms(build(sig.headers), diagnose(build(sig.headers)).verdict).platform;
      expect(all.id).toBe(id);
      if (fewer.id === id) expect(all.confidence).toBeGreaterThanOrEqual(fewer.confidence);
    }));
  }, 30_000);

  it('keeps evidence one line and bounded whatever the header values are', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (value) => {
      const ex = buildExchange({ response: { headers: [['x-amz-apigw-id', value], ['Server', `nginx ${value}`]], body: `<center>nginx</center>${value}` } });
      for (const e of diagnose(ex).platform.evidence) {
        expect(e).not.toMatch(/[\r\n]/);
        expect(e.length).toBeLessThan(300);
      }
    }));
  }, 30_000);
});
