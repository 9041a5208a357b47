import type { PlatformMatch } from '../../model';
import { CONFIDENT, platformShort } from '../lib/platforms';
import { TID } from '../testids';

export function PlatformBadge({ platform, cdn, long = false }: { platform: PlatformMatch; cdn?: PlatformMatch | undefined; long?: boolean }) {
  if (platform.id === 'unknown' && !cdn) {
    return (
      <span class="cl-badge is-unknown" data-testid={TID.platformBadge} data-platform="unknown" title="Platform not recognised">
        {long ? 'Platform not recognised' : '—'}
      </span>
    );
  }
  const pct = Math.round(platform.confidence * 100);
  const likely = platform.confidence < CONFIDENT;
  const name = long ? platform.name : platformShort(platform);
  const title = `${platform.name}${likely ? ` (likely, ${pct}% confidence)` : ''}${cdn ? `, behind ${cdn.name}` : ''}`;
  return (
    <span class={`cl-badge ${likely ? 'is-likely' : ''}`} data-testid={TID.platformBadge} data-platform={platform.id} title={title}>
      {name}{likely ? '?' : ''}{long && cdn && cdn.id !== platform.id ? <span class="cl-badge-cdn"> via {long ? cdn.name : platformShort(cdn)}</span> : null}
    </span>
  );
}
