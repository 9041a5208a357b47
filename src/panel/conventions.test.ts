/** House rules of the panel, checked on its source. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TID } from './testids';

const ROOT = import.meta.dirname;

function sources(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

describe('panel source conventions', () => {
  it('never builds DOM from strings: wire text is rendered as text by Preact', () => {
    const offenders = sources().filter((f) => /dangerouslySetInnerHTML|\.innerHTML\s*=|outerHTML\s*=|insertAdjacentHTML|document\.write/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('does not use preact/compat (it turns onChange into onInput app-wide)', () => {
    const offenders = sources().filter((f) => /from ['"]preact\/compat['"]/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it('every test id is documented at the top of testids.ts and used by a component', () => {
    const doc = readFileSync(join(ROOT, 'testids.ts'), 'utf8').split('export const TID')[0]!;
    const code = sources().filter((f) => !f.endsWith('testids.ts')).map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const [key, value] of Object.entries(TID)) {
      expect(doc, `testid "${value}" is not documented`).toContain(value);
      expect(code, `TID.${key} is not used by any component`).toMatch(new RegExp(`TID\\.${key}\\b`));
    }
  });
});
