/** Fallback when no signature matched: generic headers plus the most common stacks. */
import { expressStack } from '../findings/fixes/express';
import { headersStack } from '../findings/fixes/headers';
import { nginxStack } from '../findings/fixes/nginx';
import type { PlatformModule } from './types';

export const unknownPlatform: PlatformModule = {
  id: 'unknown',
  name: 'Unknown server',
  role: 'origin',
  stacks: [headersStack, expressStack, nginxStack],
  detect: () => ({ id: 'unknown', name: 'Unknown server', confidence: 0, evidence: [] }),
  findings: () => [],
};
