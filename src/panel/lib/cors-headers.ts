/** Header names that take part in CORS (highlighted in the raw headers). */
export function isCorsHeader(name: string): boolean {
  const n = name.toLowerCase();
  return n === 'origin' || n === 'vary' || n.startsWith('access-control-');
}
