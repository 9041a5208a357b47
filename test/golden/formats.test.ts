// Renderer goldens on a fixed report (test/golden/sample.ts): they change only when a format changes.
import { describe, it } from 'vitest';
import { buildReport, renderReport, FORMATS } from '../../src/report';
import { exportHar } from '../../src/har';
import { expectGolden } from './golden';
import { SAMPLE, SAMPLE_OPTIONS } from './sample';

describe('report formats (golden)', () => {
  for (const format of FORMATS) {
    it(`${format}, redacted`, () => {
      expectGolden(`sample.${format === 'markdown' ? 'md' : format === 'text' ? 'txt' : format}`, renderReport(buildReport(SAMPLE, SAMPLE_OPTIONS), format));
    });
  }
  it('text with colour', () => {
    expectGolden('sample.color.txt', renderReport(buildReport(SAMPLE, SAMPLE_OPTIONS), 'text', { color: true }));
  });
  it('markdown with sensitive values, only blocked', () => {
    expectGolden('sample.sensitive-blocked.md', renderReport(buildReport(SAMPLE, { ...SAMPLE_OPTIONS, includeSensitive: true, onlyBlocked: true }), 'markdown'));
  });
  it('HAR export', () => {
    expectGolden('sample.har', `${JSON.stringify(exportHar(SAMPLE.map((s) => s.exchange), { toolVersion: '0.0.0-golden' }), null, 2)}\n`);
  });
});
