// PROVISIONAL: replaced by the rules module's preflight logic (src/rules/cors) once it lands.
import type { Header } from '../model';
const SAFE = new Set(['accept', 'accept-language', 'content-language', 'content-type', 'range']);
export function needsPreflight(method: string, headers: Header[]): boolean {
  if (!['GET', 'HEAD', 'POST'].includes(method.toUpperCase())) return true;
  return headers.some((h) => {
    const n = h.name.toLowerCase();
    if (n === 'content-type') return !/^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)\b/i.test(h.value);
    return !SAFE.has(n) && !['origin', 'referer', 'user-agent', 'cookie', 'accept-encoding', 'connection', 'host', 'content-length'].includes(n) && !n.startsWith('sec-') && !n.startsWith('proxy-');
  });
}
