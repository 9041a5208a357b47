/**
 * Golden files: compare output with test/golden/files/<name>; `UPDATE_GOLDEN=1 npx vitest run test/golden`
 * rewrites them (review the diff before committing). A missing golden fails instead of being created
 * silently, so a test can never pass by writing its own expectation.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';

const DIR = join(import.meta.dirname, 'files');

export function expectGolden(name: string, actual: string): void {
  const file = join(DIR, name);
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file ${file} is missing: run UPDATE_GOLDEN=1 npx vitest run test/golden`);
  expect(actual, `${name} differs from its golden file (UPDATE_GOLDEN=1 npx vitest run test/golden to accept)`).toBe(readFileSync(file, 'utf8'));
}
