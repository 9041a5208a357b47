import { describe, expect, it } from 'vitest';
import { fixtureDiagnose, hostileSample, sampleSet } from '../fixtures/sample';
import { buildExport, exportFileName, ExportError, EXPORT_FORMATS } from './export';
import { ImportError, importHarFile, importHarText, PANEL_MAX_HAR_BYTES } from './import-har';

const samples = [...sampleSet(), hostileSample()];
const diagnose = fixtureDiagnose(samples);
const items = samples.map((s) => ({ exchange: s.exchange, diagnosis: diagnose(s.exchange) }));
const NOW = new Date(2025, 0, 15, 9, 30, 5);

describe('export', () => {
  it('every format yields a named file with content, from the shared report and HAR writers', () => {
    for (const format of EXPORT_FORMATS) {
      const f = buildExport({ format, scope: 'all', items, source: { kind: 'live' } }, NOW);
      expect(f.fileName).toBe(`cors-lens-report-20250115-093005.${format === 'markdown' ? 'md' : format}`);
      expect(f.content.length).toBeGreaterThan(100);
    }
    const json = JSON.parse(buildExport({ format: 'json', scope: 'all', items, source: { kind: 'live' } }, NOW).content) as { exchanges: { id: string }[] };
    expect(json.exchanges.map((e) => e.id)).not.toContain('same-origin'); // not a CORS request: not in the report
    expect(json.exchanges.map((e) => e.id)).toContain('rest-403');
  });

  it('reports are redacted: a cookie value does not leave the panel', () => {
    const one = items.filter((i) => i.exchange.id === 'express-creds');
    for (const format of EXPORT_FORMATS) {
      expect(buildExport({ format, scope: 'one', items: one, source: { kind: 'live' } }, NOW).content).not.toContain('sid=abc');
    }
  });

  it('keeps secrets only when asked, in every format', () => {
    const one = items.filter((i) => i.exchange.id === 'express-creds');
    for (const format of EXPORT_FORMATS) {
      expect(buildExport({ format, scope: 'one', items: one, source: { kind: 'live' }, includeSensitive: true }, NOW).content).toContain('sid=abc');
    }
  });

  it('the HAR export imports back to the same requests', () => {
    const har = buildExport({ format: 'har', scope: 'all', items, source: { kind: 'live' } }, NOW);
    const back = importHarText(har.content, har.fileName);
    expect(back.note).toBe('1 other entry was not a cross-origin CORS request');
    expect(back.exchanges.map((e) => e.request.url).sort()).toEqual(
      items.filter((i) => i.exchange.id !== 'same-origin').map((i) => i.exchange.request.url).sort(),
    );
  });

  it('the HTML report escapes hostile text', () => {
    const html = buildExport({ format: 'html', scope: 'all', items, source: { kind: 'live' } }, NOW).content;
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x');
  });

  it('a single request is named after its method and host; nothing to export is an error', () => {
    const one = items.filter((i) => i.exchange.id === 'rest-403');
    expect(exportFileName({ format: 'markdown', scope: 'one', items: one }, NOW)).toBe('cors-lens-put-abc123-execute-api-us-east-1-amazonaws-com-20250115-093005.md');
    expect(() => buildExport({ format: 'json', scope: 'all', items: [], source: { kind: 'live' } }, NOW)).toThrow(ExportError);
  });
});

describe('importHarFile', () => {
  const file = (size: number, text: () => Promise<string>) => ({ name: 'big.har', size, text }) as unknown as Blob & { name: string };

  it('refuses a file too large for the panel without reading it, and names the CLI', async () => {
    let read = false;
    const big = file(PANEL_MAX_HAR_BYTES + 1, async () => {
      read = true;
      return '';
    });
    await expect(importHarFile(big)).rejects.toThrow(/big\.har is 512\.0 MiB: .*cors-lens analyze big\.har/);
    expect(read).toBe(false);
  });

  it('turns a read failure into a clear import error', async () => {
    const broken = file(10, () => Promise.reject(new RangeError('Invalid string length')));
    await expect(importHarFile(broken)).rejects.toThrow(ImportError);
    await expect(importHarFile(broken)).rejects.toThrow('big.har: the file could not be read (Invalid string length).');
  });

  it('imports a file within the limit', async () => {
    const har = JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [] } });
    const ok = file(har.length, () => Promise.resolve(har));
    await expect(importHarFile(ok)).resolves.toMatchObject({ exchanges: [], label: 'big.har' });
  });
});
