// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { copyText } from './clipboard';

afterEach(() => vi.restoreAllMocks());

describe('copyText', () => {
  it('uses the async clipboard when it works', async () => {
    const writeText = vi.fn(async () => undefined);
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard);
    expect(await copyText('hello')).toBe(true);
    expect(writeText).toHaveBeenCalledWith('hello');
  });

  it('falls back to a hidden textarea + execCommand when the panel lacks clipboard permission', async () => {
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText: async () => { throw new DOMException('denied', 'NotAllowedError'); } } as unknown as Clipboard);
    let selected = '';
    const exec = vi.fn(() => { selected = (document.activeElement as HTMLTextAreaElement | null)?.value ?? ''; return true; });
    Object.defineProperty(document, 'execCommand', { value: exec, configurable: true });
    const button = document.createElement('button');
    document.body.appendChild(button);
    button.focus();
    expect(await copyText("curl 'x'")).toBe(true);
    expect(exec).toHaveBeenCalledWith('copy');
    expect(selected).toBe("curl 'x'");
    expect(document.querySelector('textarea')).toBeNull(); // cleaned up
    expect(document.activeElement).toBe(button); // focus given back
  });

  it('reports failure when neither way works', async () => {
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue(undefined as unknown as Clipboard);
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    expect(await copyText('x')).toBe(false);
  });
});
