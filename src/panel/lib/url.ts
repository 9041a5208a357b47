/** URL pieces for display. Wire URLs can be anything: never throw, fall back to the raw text. */
export interface UrlParts {
  host: string;
  /** Path + query, as the Network panel's Name column shows it. */
  path: string;
  origin: string;
}

export function urlParts(raw: string): UrlParts {
  try {
    const u = new URL(raw);
    return { host: u.host, path: `${u.pathname}${u.search}` || '/', origin: u.origin };
  } catch {
    return { host: '', path: raw, origin: '' };
  }
}
