/**
 * Cuts a HAR's `log.entries` array into byte ranges that parse on their own, so `cors-lens analyze` can
 * JSON.parse a huge file in several worker threads at once. Pure: bytes in, offsets out; no parsing here.
 *
 * Only the part of the file before the entries array is walked structurally (it is small: version,
 * creator, maybe pages). Inside the array, cuts are found by a byte pattern: `}` ws `,` and then the next
 * element must open exactly as the first one does (same whitespace around `{`, and in a file without
 * line breaks there, the same first key). The pattern alone (`},{"`) would hit every headers/cookies
 * array in every entry; the first entry's layout keeps most of those out. Still, a cut is only a
 * candidate: it may sit inside a string, in a nested array, or past the end of the entries (say in a
 * "pages" array after them). The caller verifies the cuts by parsing, inductively:
 * - chunk 0 is the original text up to the cut plus `]}}`. It parses only if, at the cut, the parser is
 *   just after an element of an array three levels deep; a cut in a string or deeper array fails.
 *   {@link chunkEntries} then checks that the root and log hold no key that starts after entries, which
 *   rules out the other depth-3 arrays (a later "pages", a later root member): the cut is an entry
 *   boundary.
 * - chunk k>0 starts in exactly the state the original had after that boundary's comma (inside the
 *   entries array, expecting an element), so the same argument validates its own end cut.
 * If any chunk fails to parse, or chunkEntries says no, the caller parses the whole file serially.
 * Not detected: duplicate "log"/"entries" keys after the entries (JSON.parse keeps the last one); no
 * HAR writer produces those.
 */

export interface HarChunk {
  /** Byte range [start, end) of the file for this chunk. */
  start: number;
  end: number;
  /** Text to put before the decoded bytes. */
  before: string;
  /** Text to put after the decoded bytes. */
  after: string;
  /**
   * On every chunk but the last: how many own keys the parsed chunk's root object and its `log` must
   * have (see {@link chunkEntries}). Absent on the last chunk, whose tail is whatever follows the entries.
   */
  keys?: { root: number; log: number };
}

const OPEN = '{"log":{"entries":[';
const CLOSE = ']}}';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;
const LOG = new TextEncoder().encode('log');
const ENTRIES = new TextEncoder().encode('entries');

/**
 * Splits the file into at most `parts` chunks. Chunk 0 starts at byte 0 (it contains everything before
 * the entries array, e.g. version, creator, pages), the last chunk ends at the end of the file (it contains
 * everything after the entries array). Each chunk's text is `before + utf8(bytes[start,end)) + after`, and
 * is a JSON document of the shape {"log":{...,"entries":[ ...its entries... ], ...}}. Cuts sit on ASCII
 * bytes, so each range decodes exactly on its own (chunk 0 keeps a leading BOM; TextDecoder drops it).
 * Check each parsed chunk with {@link chunkEntries}.
 *
 * Returns undefined when the file does not look like a HAR whose root object has "log" whose value is an
 * object with an "entries" array (then the caller parses the whole file serially), or when a key before
 * the entries is spelled with backslash escapes. Returns a single chunk, the whole file with empty
 * before/after and no `keys`, when `parts` < 2 or no cut was found (fewer than two entries, the first
 * element not an object with a key, no later element opening like it): the caller parses it as usual.
 */
export function splitHarEntries(bytes: Uint8Array, parts: number): HarChunk[] | undefined {
  const found = findEntries(bytes);
  if (!found) return undefined;
  const whole: HarChunk[] = [{ start: 0, end: bytes.length, before: '', after: '' }];
  const n = Math.floor(parts);
  if (!(n >= 2) || !found.open) return whole;
  const open = found.open;

  // Each search starts no earlier than where the previous one stopped: cuts strictly increase and
  // every byte is looked at a bounded number of times, however many parts.
  const cuts: Cut[] = [];
  const span = bytes.length - found.start;
  let from = found.start;
  for (let k = 1; k < n; k++) {
    const cut = findCut(bytes, Math.max(found.start + Math.floor((k * span) / n), from), open);
    if (!cut) break; // nothing until the end of the file: fewer chunks
    cuts.push(cut);
    from = cut.resume;
  }
  if (cuts.length === 0) return whole;

  const keys = { root: found.rootKeysBefore + 1, log: found.logKeysBefore + 1 };
  const chunks: HarChunk[] = [];
  let start = 0;
  for (const cut of cuts) {
    chunks.push({ start, end: cut.end, before: start === 0 ? '' : OPEN, after: CLOSE, keys: start === 0 ? keys : { root: 1, log: 1 } });
    start = cut.next;
  }
  chunks.push({ start, end: bytes.length, before: OPEN, after: '' });
  return chunks;
}

/**
 * The entries of one parsed chunk, or undefined when the parse result shows that a cut was not an entry
 * boundary (then parse the whole file serially). A cut that wandered past the entries array into another
 * array three levels deep still parses, but leaves an extra key in the root or in log: the key counts
 * catch it. (Duplicate keys before the entries also make the counts differ: a harmless fallback.)
 */
export function chunkEntries(chunk: HarChunk, parsed: unknown): unknown[] | undefined {
  if (!isRecord(parsed) || !isRecord(parsed.log) || !Array.isArray(parsed.log.entries)) return undefined;
  if (chunk.keys && (Object.keys(parsed).length !== chunk.keys.root || Object.keys(parsed.log).length !== chunk.keys.log)) return undefined;
  return parsed.log.entries;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface Cut {
  /** Just after the `}` that ends an entry: the end of one chunk. */
  end: number;
  /** Just after the `,`: the start of the next chunk. */
  next: number;
  /** Just after the matched pattern: where the next search may start. */
  resume: number;
}

/**
 * The first `}` ws* `,` followed by `open` at or after `i`. On a mismatch the scan goes on from the
 * mismatching byte (it may be a `}`), so every byte is looked at a bounded number of times.
 */
function findCut(b: Uint8Array, i: number, open: Uint8Array): Cut | undefined {
  while (i < b.length) {
    if (b[i] !== RBRACE) { i++; continue; }
    const comma = skipWs(b, i + 1);
    if (b[comma] !== COMMA) { i = comma; continue; }
    let j = comma + 1;
    let k = 0;
    while (k < open.length && b[j] === open[k]) { j++; k++; }
    if (k < open.length) { i = j; continue; }
    return { end: i + 1, next: comma + 1, resume: j };
  }
  return undefined;
}

/**
 * Walks the file up to the `[` of root.log.entries and no further. Returns the offset just after that `[`,
 * how many members precede "log" in the root and "entries" in log (for chunk 0's key check), and how the
 * first entry opens (see {@link splitHarEntries}); `open` is absent when the first element is not an
 * object with a key (empty array, `{}`, not objects), which leaves nothing to cut on.
 */
function findEntries(b: Uint8Array): { start: number; rootKeysBefore: number; logKeysBefore: number; open?: Uint8Array } | undefined {
  let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  i = skipWs(b, i);
  if (b[i] !== LBRACE) return undefined;
  const log = findMember(b, i + 1, LOG);
  if (!log || b[log.value] !== LBRACE) return undefined;
  const entries = findMember(b, log.value + 1, ENTRIES);
  if (!entries || b[entries.value] !== LBRACKET) return undefined;
  const found = { start: entries.value + 1, rootKeysBefore: log.before, logKeysBefore: entries.before };

  // `[` ws `{` ws `"`: the whitespace of a pretty-printed file tells depths apart; without a line
  // break it does not, so the first key's name has to match as well.
  const brace = skipWs(b, found.start);
  if (b[brace] !== LBRACE) return found;
  const quote = skipWs(b, brace + 1);
  if (b[quote] !== QUOTE) return found;
  const open = b.subarray(found.start, quote + 1);
  if (open.includes(0x0a)) return { ...found, open };
  const keyEnd = stringEnd(b, quote);
  return keyEnd < 0 ? found : { ...found, open: b.subarray(found.start, keyEnd) };
}

/**
 * From just after an object's `{`, walks its members to the key `name` (compared on raw bytes); returns
 * the offset of that key's value and how many members came before it. Undefined if the object ends
 * first, on malformed input, or on a key with escapes (it might spell `name`; not worth decoding).
 */
function findMember(b: Uint8Array, i: number, name: Uint8Array): { value: number; before: number } | undefined {
  for (let before = 0; ; before++) {
    i = skipWs(b, i);
    if (b[i] !== QUOTE) return undefined;
    const keyStart = i + 1;
    const keyEnd = stringEnd(b, i);
    if (keyEnd < 0 || b.subarray(keyStart, keyEnd - 1).includes(BACKSLASH)) return undefined;
    const match = keyEnd - 1 - keyStart === name.length && name.every((c, k) => b[keyStart + k] === c);
    i = skipWs(b, keyEnd);
    if (b[i] !== COLON) return undefined;
    i = skipWs(b, i + 1);
    if (match) return { value: i, before };
    i = skipValue(b, i);
    if (i < 0) return undefined;
    i = skipWs(b, i);
    if (b[i] !== COMMA) return undefined; // `}`: the object ended without the key
    i++;
  }
}

/** Offset just after the value starting at `i`, or -1. Does not validate: chunk 0's parse does. */
function skipValue(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c === QUOTE) return stringEnd(b, i);
  if (c === LBRACE || c === LBRACKET) {
    let depth = 0;
    while (i < b.length) {
      const d = b[i];
      if (d === QUOTE) { i = stringEnd(b, i); if (i < 0) return -1; continue; }
      if (d === LBRACE || d === LBRACKET) depth++;
      else if ((d === RBRACE || d === RBRACKET) && --depth === 0) return i + 1;
      i++;
    }
    return -1;
  }
  // A number, true, false or null: up to the next delimiter.
  const from = i;
  while (i < b.length && !isWs(b[i]) && b[i] !== COMMA && b[i] !== RBRACE && b[i] !== RBRACKET) i++;
  return i > from ? i : -1;
}

/** Offset just after the string whose opening quote is at `i`, or -1 if it never closes. */
function stringEnd(b: Uint8Array, i: number): number {
  for (i++; i < b.length; i++) {
    if (b[i] === BACKSLASH) i++;
    else if (b[i] === QUOTE) return i + 1;
  }
  return -1;
}

function isWs(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function skipWs(b: Uint8Array, i: number): number {
  while (isWs(b[i])) i++;
  return i;
}
