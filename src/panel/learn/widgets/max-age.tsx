/** "How long is this preflight answer reused?" — Access-Control-Max-Age through the rules' own parser. */
import { useState } from 'preact/hooks';
import { describeMaxAge, MAX_MAX_AGE_SECONDS } from '../../../rules/cors';
import { TID } from '../../testids';
import { Code } from '../ui';

const SOURCE_WORD = {
  default: 'no header: the default',
  header: 'as sent',
  negative: 'a negative value means 0',
  capped: 'capped: Chromium never keeps a preflight answer longer',
  unparseable: 'not a whole number: the default',
} as const;

function duration(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  if (seconds < 7200) return `${Math.round(seconds / 60)} min`;
  return `${seconds / 3600} h`;
}

export function MaxAgeCalc() {
  const [value, setValue] = useState('86400');
  const [absent, setAbsent] = useState(false);
  const m = describeMaxAge(absent ? null : value);
  return (
    <div class="cl-widget" role="group" aria-label="Access-Control-Max-Age">
      <div class="cl-widget-title">How long is a preflight answer reused?</div>
      <div class="cl-widget-row">
        <label class="cl-field is-inline"><span>Access-Control-Max-Age:</span>
          <input class="cl-input is-short" value={value} disabled={absent} spellcheck={false} onInput={(e) => setValue(e.currentTarget.value)} />
        </label>
        <label class="cl-checkbox"><input type="checkbox" checked={absent} onChange={(e) => setAbsent(e.currentTarget.checked)} /> header absent</label>
      </div>
      <p class="cl-widget-result is-ok" data-testid={TID.learnMaxAgeResult} data-seconds={String(m.seconds)} role="status">
        Chromium reuses it for <strong>{m.seconds} seconds</strong>{m.seconds >= 120 ? ` (${duration(m.seconds)})` : ''} — {SOURCE_WORD[m.source]}.
        {m.source === 'capped' ? <> Values above <Code>{MAX_MAX_AGE_SECONDS}</Code> are cut to {MAX_MAX_AGE_SECONDS}.</> : null}
      </p>
    </div>
  );
}
