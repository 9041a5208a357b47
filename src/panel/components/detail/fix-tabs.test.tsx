// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../../model';
import { TID } from '../../testids';
import { FixTabs } from './fix-tabs';

afterEach(() => cleanup());

const finding = (fixes: Finding['fixes']): Finding => ({ id: 'cors-not-enabled', kind: 'cause', severity: 'error', title: 'No CORS headers', explanation: '', evidence: [], fixes });

describe('FixTabs', () => {
  it("shows a fix's note above its snippet, and nothing for a fix without one", () => {
    render(<FixTabs idBase="t" findings={[finding([
      { stack: 'nginx', title: 'nginx', language: 'nginx', snippet: 'add_header Access-Control-Allow-Credentials "true" always;', note: 'It allows credentials because the recording does not show whether the page sends cookies.' },
      { stack: 'express', title: 'Express', language: 'javascript', snippet: 'app.use(cors());' },
    ])]} />);
    const panel = screen.getByTestId(TID.fixPanel);
    expect(panel.dataset.stack).toBe('nginx');
    const note = panel.querySelector('.cl-fix-note');
    expect(note?.textContent).toBe('It allows credentials because the recording does not show whether the page sends cookies.');
    // The note comes before the snippet it is about.
    expect(note!.compareDocumentPosition(screen.getByTestId(TID.fixSnippet)) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('renders no note element for fixes without one', () => {
    render(<FixTabs idBase="t" findings={[finding([{ stack: 'express', title: 'Express', language: 'javascript', snippet: 'app.use(cors());' }])]} />);
    expect(screen.getByTestId(TID.fixPanel).querySelector('.cl-fix-note')).toBeNull();
  });
});
