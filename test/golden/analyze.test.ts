// End-to-end goldens: HAR fixture → rules → report, per format. These follow the rules module:
// when diagnoses change, review and regenerate with `UPDATE_GOLDEN=1 npx vitest run test/golden`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { importHar } from '../../src/har';
import { buildReport, renderReport, FORMATS } from '../../src/report';
import { diagnose } from '../../src/rules';
import { expectGolden } from './golden';

const FIXTURES = join(import.meta.dirname, '../fixtures/har');
const EXT = { text: 'txt', json: 'json', markdown: 'md', html: 'html' } as const;

describe('analyze (golden, follows the rules)', () => {
  for (const file of ['chrome-devtools.har', 'firefox.har']) {
    const { exchanges, stats, creator, warnings } = importHar(readFileSync(join(FIXTURES, file), 'utf8'));
    const report = buildReport(exchanges.map((exchange) => ({ exchange, diagnosis: diagnose(exchange) })), {
      source: { kind: 'har', name: file, counts: { ...stats }, ...(creator ? { creator } : {}) },
      warnings, generatedAt: '2025-01-01T00:00:00.000Z', toolVersion: '0.0.0-golden',
    });
    for (const format of FORMATS) {
      it(`${file} → ${format}`, () => expectGolden(`analyze/${file.replace(/\.har$/, '')}.${EXT[format]}`, renderReport(report, format)));
    }
  }
});
