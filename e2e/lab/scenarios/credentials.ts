/**
 * Credentials modes against Access-Control-Allow-Credentials values, on the actual response and on the
 * preflight, with an exact origin and with the wildcard.
 */
import type { CredentialsMode, } from '../../../src/model';
import type { HeaderLine, Scenario } from '../scenario';
import { ACAC, ACAM, ACAO, APP, get, put, show, showLines, text } from './build';

interface AcacCase {
  slug: string;
  lines: readonly HeaderLine[];
}

const acac = (value: string): readonly HeaderLine[] => [[ACAC, value]];

export const ACAC_CASES: readonly AcacCase[] = [
  { slug: 'absent', lines: [] },
  { slug: 'true', lines: acac('true') },
  { slug: 'upper', lines: acac('TRUE') },
  { slug: 'capital', lines: acac('True') },
  { slug: 'false', lines: acac('false') },
  { slug: 'trailing-space', lines: acac('true ') },
  { slug: 'leading-space', lines: acac(' true') },
  { slug: 'quoted', lines: acac('"true"') },
  { slug: 'one', lines: acac('1') },
  { slug: 'yes', lines: acac('yes') },
  { slug: 'empty', lines: acac('') },
  { slug: 'list', lines: acac('true, true') },
  { slug: 'trailing-comma', lines: acac('true,') },
  { slug: 'two-lines', lines: [[ACAC, 'true'], [ACAC, 'true']] },
  { slug: 'name-lowercase', lines: [['access-control-allow-credentials', 'true']] },
];

const includeExact = ACAC_CASES.map((c): Scenario => ({
  id: `cred-include-acac-${c.slug}`,
  title: `include + ACAC ${c.lines.length ? show(c.lines.map(([, v]) => v).join(' | ')) : 'absent'}`,
  dimension: 'credentials',
  description: `A GET with credentials "include"; the response allows the exact origin and carries ${showLines(c.lines)}.`,
  request: get({ credentials: 'include' }),
  actual: text(200, [[ACAO, APP], ...c.lines]),
}));

const PREFLIGHT_ACAC = ['absent', 'true', 'upper', 'false', 'trailing-space', 'empty', 'two-lines'];
const includePreflight = ACAC_CASES.filter((c) => PREFLIGHT_ACAC.includes(c.slug)).map((c): Scenario => ({
  id: `cred-include-preflight-acac-${c.slug}`,
  title: `include + preflight ACAC ${c.lines.length ? show(c.lines.map(([, v]) => v).join(' | ')) : 'absent'}`,
  dimension: 'credentials',
  description: `A PUT with credentials "include"; the preflight allows the exact origin and PUT and carries ${showLines(c.lines)}; the actual response is fully allowed.`,
  request: put({ credentials: 'include' }),
  preflight: { status: 204, headers: [[ACAO, APP], [ACAM, 'PUT'], ...c.lines] },
  actual: text(200, [[ACAO, APP], [ACAC, 'true']]),
}));

interface ModeCase {
  slug: string;
  mode: CredentialsMode;
  lines: readonly HeaderLine[];
  preflighted?: boolean;
}

const MODE_CASES: readonly ModeCase[] = [
  { slug: 'include-star-true', mode: 'include', lines: [[ACAO, '*'], [ACAC, 'true']] },
  { slug: 'include-star-absent', mode: 'include', lines: [[ACAO, '*']] },
  { slug: 'include-null-true', mode: 'include', lines: [[ACAO, 'null'], [ACAC, 'true']] },
  { slug: 'include-mismatch-false', mode: 'include', lines: [[ACAO, '{api}'], [ACAC, 'false']] },
  { slug: 'include-absent-acao-true', mode: 'include', lines: [[ACAC, 'true']] },
  { slug: 'omit-star-false', mode: 'omit', lines: [[ACAO, '*'], [ACAC, 'false']] },
  { slug: 'omit-star-true', mode: 'omit', lines: [[ACAO, '*'], [ACAC, 'true']] },
  { slug: 'omit-exact-upper', mode: 'omit', lines: [[ACAO, APP], [ACAC, 'TRUE']] },
  { slug: 'same-origin-star', mode: 'same-origin', lines: [[ACAO, '*']] },
  { slug: 'same-origin-exact-false', mode: 'same-origin', lines: [[ACAO, APP], [ACAC, 'false']] },
  { slug: 'include-preflight-star-true', mode: 'include', lines: [[ACAO, '*'], [ACAC, 'true']], preflighted: true },
  { slug: 'omit-preflight-star-false', mode: 'omit', lines: [[ACAO, '*'], [ACAC, 'false']], preflighted: true },
  { slug: 'same-origin-preflight-star', mode: 'same-origin', lines: [[ACAO, '*']], preflighted: true },
];

const modes = MODE_CASES.map((c): Scenario => c.preflighted
  ? {
      id: `cred-${c.slug}`,
      title: `${c.mode} + preflight ${showLines(c.lines)}`,
      dimension: 'credentials',
      description: `A PUT with credentials "${c.mode}"; the preflight allows PUT and carries ${showLines(c.lines)}; the actual response carries the same.`,
      request: put({ credentials: c.mode }),
      preflight: { status: 204, headers: [...c.lines, [ACAM, 'PUT']] },
      actual: text(200, c.lines),
    }
  : {
      id: `cred-${c.slug}`,
      title: `${c.mode} + ${showLines(c.lines)}`,
      dimension: 'credentials',
      description: `A GET with credentials "${c.mode}"; the response carries ${showLines(c.lines)}.`,
      request: get({ credentials: c.mode }),
      actual: text(200, c.lines),
    });

const mixed: readonly Scenario[] = [
  {
    id: 'cred-include-preflight-ok-actual-no-acac',
    title: 'include: preflight allows credentials, actual response forgets ACAC',
    dimension: 'credentials',
    description: 'A PUT with credentials "include"; the preflight is fully allowed (exact origin, ACAC true); the actual response allows the origin but has no Access-Control-Allow-Credentials.',
    request: put({ credentials: 'include' }),
    preflight: { status: 204, headers: [[ACAO, APP], [ACAC, 'true'], [ACAM, 'PUT']] },
    actual: text(200, [[ACAO, APP]]),
  },
  {
    id: 'cred-include-preflight-ok-actual-star',
    title: 'include: preflight allows credentials, actual response answers *',
    dimension: 'credentials',
    description: 'A PUT with credentials "include"; the preflight is fully allowed; the actual response answers ACAO * with ACAC true.',
    request: put({ credentials: 'include' }),
    preflight: { status: 204, headers: [[ACAO, APP], [ACAC, 'true'], [ACAM, 'PUT']] },
    actual: text(200, [[ACAO, '*'], [ACAC, 'true']]),
  },
];

export const CREDENTIALS: readonly Scenario[] = [...includeExact, ...includePreflight, ...modes, ...mixed];
