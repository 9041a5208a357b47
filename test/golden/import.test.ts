// Importer goldens: every HAR fixture → its exchanges (independent of the rules).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { importHar } from '../../src/har';
import { expectGolden } from './golden';

const FIXTURES = join(import.meta.dirname, '../fixtures/har');

describe('HAR import (golden)', () => {
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.har')).sort()) {
    it(file, () => {
      const { exchanges, stats, warnings, creator } = importHar(readFileSync(join(FIXTURES, file), 'utf8'));
      expectGolden(`import/${file.replace(/\.har$/, '.json')}`, `${JSON.stringify({ creator, stats, warnings, exchanges }, null, 2)}\n`);
    });
  }
});
