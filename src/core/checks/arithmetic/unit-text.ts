// Units as papers write them after a number ("ng/kg bw/day", "µg g^-1", "mg per day") and their
// mathjs spelling. Only units mathjs knows; body weight ("bw", "b.w.", "of body weight") is dropped
// because it only says what the kilogram is of.

export interface UnitText {
  /** As written, trimmed. */
  text: string;
  /** For mathjs, e.g. "ng / kg / day". */
  mathjs: string;
  /** Offset just after the unit in the text. */
  end: number;
}

const ATOMS: Record<string, string> = {
  g: 'g', kg: 'kg', Kg: 'kg', mg: 'mg', ug: 'ug', 'µg': 'ug', 'μg': 'ug', mcg: 'ug', ng: 'ng', pg: 'pg', fg: 'fg', lb: 'lb', lbs: 'lb', oz: 'oz',
  L: 'L', l: 'L', mL: 'mL', ml: 'mL', uL: 'uL', 'µL': 'uL', 'μL': 'uL', 'µl': 'uL', 'μl': 'uL', dL: 'dL', dl: 'dL', nL: 'nL',
  m: 'm', km: 'km', cm: 'cm', mm: 'mm', um: 'um', 'µm': 'um', 'μm': 'um', nm: 'nm',
  s: 's', ms: 'ms', sec: 's', secs: 's', second: 's', seconds: 's', min: 'minute', mins: 'minute', minute: 'minute', minutes: 'minute', h: 'hour', hr: 'hour', hrs: 'hour', hour: 'hour', hours: 'hour',
  d: 'day', day: 'day', days: 'day', wk: 'week', week: 'week', weeks: 'week', month: 'month', months: 'month', yr: 'year', yrs: 'year', year: 'year', years: 'year',
  mol: 'mol', mmol: 'mmol', umol: 'umol', 'µmol': 'umol', 'μmol': 'umol', nmol: 'nmol', pmol: 'pmol',
  J: 'J', kJ: 'kJ', MJ: 'MJ', W: 'W', kW: 'kW', MW: 'MW', kWh: 'kWh', Wh: 'Wh', Hz: 'Hz', kHz: 'kHz', MHz: 'MHz', Pa: 'Pa', kPa: 'kPa', MPa: 'MPa', mmHg: 'mmHg',
  mV: 'mV', V: 'V', mA: 'mA',
  ha: 'hectare', t: 'tonne',
  kB: 'kB', KB: 'kB', MB: 'MB', GB: 'GB', TB: 'TB', PB: 'PB',
};
// Single letters are units only inside a compound ("g/d") or as these common ones.
const STANDALONE_SINGLE = new Set(['g', 'm', 'L', 'h', 's']);

const ATOM_SOURCE = Object.keys(ATOMS)
  .sort((a, b) => b.length - a.length)
  .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');
const POWER = '(?:\\^\\{?([-\\u2212]?\\d)\\}?|([²³]))?';
const ATOM_RE = new RegExp(`(${ATOM_SOURCE})(?![A-Za-z\\u00b5\\u03bc])${POWER}`, 'y');
const BODY_WEIGHT = /\s*(?:of\s+)?(?:bw|b\.\s?w\.|BW|body[\s-]?weight|bodyweight)(?![A-Za-z])/y;
const JOIN = /(\s*\/\s*|\s+per\s+|\s*[·⋅]\s*)/y;
const LEAD = /[ \t\u00a0\u2009\u202f~]*/y;

function atomAt(text: string, pos: number): { mathjs: string; end: number; name: string } | undefined {
  ATOM_RE.lastIndex = pos;
  const m = ATOM_RE.exec(text);
  if (!m) return undefined;
  const power = m[2] ?? (m[3] === '²' ? '2' : m[3] === '³' ? '3' : undefined);
  const base = ATOMS[m[1]];
  return { mathjs: power ? `${base}^${power.replace('\u2212', '-')}` : base, end: ATOM_RE.lastIndex, name: m[1] };
}

/** The unit written at `pos` (after a number), or undefined. Bounded: at most four atoms. */
export function unitAt(text: string, pos: number, limit = text.length): UnitText | undefined {
  LEAD.lastIndex = pos;
  LEAD.exec(text);
  const start = LEAD.lastIndex;
  const first = atomAt(text, start);
  if (!first || first.end > limit) return undefined;
  let end = first.end;
  let mathjs = first.mathjs;
  let atoms = 1;
  let single = first.name.length === 1;
  for (let i = 0; i < 4; i++) {
    BODY_WEIGHT.lastIndex = end;
    if (BODY_WEIGHT.exec(text) && BODY_WEIGHT.lastIndex <= limit) end = BODY_WEIGHT.lastIndex;
    JOIN.lastIndex = end;
    const j = JOIN.exec(text);
    if (!j) break;
    const next = atomAt(text, JOIN.lastIndex);
    if (!next || next.end > limit) break;
    mathjs += /[·⋅]/.test(j[1]) ? ` * ${next.mathjs}` : ` / ${next.mathjs}`;
    end = next.end;
    atoms++;
    single = false;
  }
  if (atoms === 1) {
    if (single && !STANDALONE_SINGLE.has(first.name)) return undefined;
    BODY_WEIGHT.lastIndex = end;
    if (BODY_WEIGHT.exec(text) && BODY_WEIGHT.lastIndex <= limit) end = BODY_WEIGHT.lastIndex;
  }
  return { text: text.slice(start, end).replace(/\s+/g, ' '), mathjs, end };
}
