import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, html, mdCode, mdFence, mdText, oneLine, rawHtml } from './escape';

const nasty = fc.string({ unit: fc.oneof(fc.constantFrom('`', '|', '<', '>', '&', '"', "'", '\n', '\r', '\u001b', '\u202e', '*', '_', '[', ']', '(', ')', '#', '\\', '!'), fc.string({ minLength: 1, maxLength: 1 })), maxLength: 40 });

describe('HTML escaping', () => {
  it('leaves no markup characters from the input (property)', () => {
    fc.assert(fc.property(nasty, (s) => {
      expect(escapeHtml(s)).not.toMatch(/[<>"'`]/);
      expect(html`<p title="${s}">${s}</p>`.value.replace(/^<p title="[^"]*">|<\/p>$/g, '')).not.toMatch(/[<>"]/);
    }));
  });

  it('passes SafeHtml through and escapes arrays item by item', () => {
    expect(html`<i>${[rawHtml('<b>'), '<b>']}</i>`.value).toBe('<i><b>&lt;b&gt;</i>');
    expect(html`${null}${undefined}${false}${0}`.value).toBe('0');
  });
});

describe('terminal text', () => {
  it('makes every control character visible (property)', () => {
    fc.assert(fc.property(nasty, (s) => {
      // eslint-disable-next-line no-control-regex
      expect(oneLine(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    }));
    expect(oneLine('a\u001b[31mred\nb')).toBe('a\\x1b[31mred\\nb');
  });
});

describe('Markdown', () => {
  it('mdText: no raw HTML, no unescaped pipe, backtick or bracket, one line (property)', () => {
    fc.assert(fc.property(nasty, (s) => {
      const out = mdText(s);
      expect(out).not.toMatch(/[<>\n\r]/);
      expect(out).not.toMatch(/(^|[^\\])(\\\\)*[|`[\]*_]/);
    }));
  });

  it('mdCode: a span that no content can close early (property)', () => {
    fc.assert(fc.property(nasty, (s) => {
      const out = mdCode(s);
      const fence = /^`+/.exec(out)![0];
      const inner = out.slice(fence.length, out.length - fence.length);
      expect(out.endsWith(fence)).toBe(true);
      // No run of exactly the fence length inside.
      expect([...inner.matchAll(/`+/g)].some((m) => m[0].length === fence.length)).toBe(false);
      expect(inner).not.toMatch(/[\n\r]/);
    }));
  });

  it('mdCode in tables escapes pipes', () => {
    expect(mdCode('a|b', true)).toBe('`a\\|b`');
  });

  it('mdFence: no line of the content can close the fence (property)', () => {
    fc.assert(fc.property(nasty, fc.string({ maxLength: 8 }), (s, lang) => {
      const out = mdFence(s, lang);
      const lines = out.split('\n');
      const fence = /^`+/.exec(lines[0]!)![0];
      expect(fence.length).toBeGreaterThanOrEqual(3);
      expect(lines[0]!.slice(fence.length)).toMatch(/^[A-Za-z0-9+#-]*$/);
      expect(lines.at(-1)).toBe(fence);
      for (const line of lines.slice(1, -1)) expect(line.trimStart().startsWith(fence)).toBe(false);
    }));
  });
});
