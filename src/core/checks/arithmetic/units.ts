// Quantities with units in prose: a conversion written next to a quantity ("0.42 mg (420 µg)"),
// and a result stated in words from two quantities of the paragraph whose units multiply or
// divide into its unit ("a reference dose of 7000 ng/kg bw/day for a 60 kg adult corresponds to
// 420,000 ng/day"). mathjs does the unit algebra, so a power of ten slipped anywhere shows.

import { evaluateCached, unitFactor } from './evaluate.ts';
import { formatLike, intervalMeets, roundingInterval, roundsTo } from '../../numbers.ts';
import type { CheckOutput, PaperText } from '../../types.ts';
import { quantitiesIn, sentencesOf, type Num } from './context.ts';
import { cover, formatResult, makeFinding, makeVerified, plain } from './report.ts';
import { unitAt, type UnitText } from './unit-text.ts';
import type { CheckModule } from '../module.ts';

interface Quantity {
  n: Num;
  unit: UnitText;
}

// Calendar units convert only approximately (a month, a year), and papers round them freely.
const CALENDAR = /\b(?:day|week|month|year)\b/;
const RESULT_CUE = /(?:\bi\.\s?e\.,?|\bthat\s+is,?|\bgives?|\bgiving|\byield(?:s|ing)?|\bcorrespond(?:s|ing)?\s+to|\bequivalent\s+to|\bequal(?:s|ling)?(?:\s+to)?|\bresult(?:s|ing)?\s+in|\bamount(?:s|ing)?\s+to|\btranslat(?:es|ing)\s+(?:in)?to)\s*(?:an?\s+|the\s+)?(?:[a-z]+\s+){0,3}?(?:of\s+)?(?:about\s+|approximately\s+)?$/i;

const OPERAND_BEFORE = /(?:[×·⋅*/÷+\u2212]|\s-|\btimes|\bdivided by|\bmultiplied by)\s*\(?\s*$/;

function dimensionless(expr: string): boolean {
  const result = evaluateCached(expr);
  return result !== undefined && result.unit === undefined;
}

// "a 70 kg adult may take in", "a 60 kg patient received a total of", "a 12 ha field needs": an amount
// of body mass or area, whom or what it is of, and a verb of intake or use.
const HOLDER_NOUNS = [
  'adults?', 'persons?', 'people', 'patients?', 'child', 'children', 'm[ae]n', 'wom[ae]n', 'individuals?', 'subjects?', 'participants?', 'workers?',
  'infants?', 'toddlers?', 'volunteers?', 'consumers?', 'animals?', 'rats?', 'mice', 'mouse', 'dogs?', 'pigs?', 'calf', 'calves', 'cows?', 'sheep', 'horses?',
  'fields?', 'plots?', 'farms?', 'orchards?', 'paddocks?', 'gardens?', 'lawns?', 'roofs?', 'rooms?', 'walls?', 'floors?', 'sites?', 'stands?',
].join('|');
const HOLDER_USES = new RegExp(`^\\s*(?:${HOLDER_NOUNS})\\s+(?:(?:may|would|could|can|will|should|must|might)\\s+)?(?:thus\\s+|therefore\\s+|then\\s+)?(?:${[
  'receive[sd]?', 'take\\s+in', 'takes\\s+in', 'took\\s+in', 'ingests?', 'ingested', 'consumes?', 'consumed', 'gets?', 'got', '(?:is|was|be)\\s+given', 'absorbs?', 'absorbed',
  'takes?', 'took', 'needs?', 'needed', 'requires?', 'required', 'uses?', 'used',
].join('|')})\\s+(?:up\\s+to\\s+)?(?:an?\\s+(?:total\\s+|daily\\s+)?(?:dose\\s+)?(?:of\\s+)?)?$`, 'i');
// A result followed by the body it is for: "corresponds to 420,000 ng/day for a 60 kg adult".
const FOR_HOLDER = /^\s*(?:for|in)\s+(?:an?|each|one|the|every)\s+$/i;
const HOLDER_AFTER_UNIT = new RegExp(`^[\\s-]*(?:${HOLDER_NOUNS})\\b`, 'i');
// Between the dose and the body: no other number, and no contrast ("but a 60 kg patient received 200 mg" is not the product).
const DOSE_TO_HOLDER = /^[^\d;]{0,80}$/;
const CONTRAST = /\b(?:but|however|although|though|whereas|while|yet|instead|except|unlike|only)\b/i;
// After the result: a comparison, not the amount the dose gives.
const COMPARED_AFTER = /^\s*(?:[A-Za-z/]+\s+){0,3}?(?:instead|rather|than|below|above|under|over|exceed\w*|beyond|more|less|fewer)\b/i;

/** A body mass or an area: what a dose or an application rate is per. */
function isHolder(q: Quantity): boolean {
  return unitFactor(q.unit.mathjs, 'kg') !== undefined || unitFactor(q.unit.mathjs, 'm^2') !== undefined;
}

/** The dose per body mass (or rate per area) and the body mass (or area) that give `r`, when the words say so; else undefined. */
function readIntake(text: string, qs: readonly Quantity[], r: Quantity): { rate: Quantity; body: Quantity } | undefined {
  const at = qs.indexOf(r);
  const body = qs[at - 1];
  if (!body || !isHolder(body) || !HOLDER_USES.test(text.slice(body.unit.end, r.n.start))) return undefined;
  if (COMPARED_AFTER.test(text.slice(r.unit.end, r.unit.end + 40))) return undefined;
  for (let i = at - 2; i >= 0; i--) {
    const rate = qs[i];
    const between = text.slice(rate.unit.end, body.n.start);
    if (!DOSE_TO_HOLDER.test(between) || CONTRAST.test(between)) return undefined;
    if (dimensionless(`(1 ${rate.unit.mathjs}) * (1 ${body.unit.mathjs}) / (1 ${r.unit.mathjs})`)) return { rate, body };
  }
  return undefined;
}

/** The body mass or area named right after a result ("… 420,000 ng/day for a 60 kg adult"), if any. */
function bodyAfter(text: string, qs: readonly Quantity[], r: Quantity): Quantity | undefined {
  const next = qs[qs.indexOf(r) + 1];
  if (!next || !isHolder(next) || !FOR_HOLDER.test(text.slice(r.unit.end, next.n.start))) return undefined;
  return HOLDER_AFTER_UNIT.test(text.slice(next.unit.end, next.unit.end + 30)) ? next : undefined;
}

/** Judges a result stated in words against the product or quotient of two quantities, with mathjs units. */
function judgeProduct(paper: PaperText, out: CheckOutput, a: Quantity, b: Quantity, op: '*' | '/', r: Quantity): void {
  const expr = `(${plain(a.n.value)} ${a.unit.mathjs}) ${op} (${plain(b.n.value)} ${b.unit.mathjs})`;
  const evaluated = evaluateCached(expr, r.unit.mathjs);
  if (!evaluated) return;
  const unitFactor = evaluated.value / (op === '*' ? a.n.value * b.n.value : a.n.value / b.n.value);
  const [alo, ahi] = roundingInterval(a.n);
  const [blo, bhi] = b.n.decimals === 0 && b.n.exponent === 0 ? [b.n.value, b.n.value] : roundingInterval(b.n);
  const corners = op === '*' ? [alo * blo, alo * bhi, ahi * blo, ahi * bhi] : [alo / blo, alo / bhi, ahi / blo, ahi / bhi];
  const lo = Math.min(...corners) * unitFactor;
  const hi = Math.max(...corners) * unitFactor;
  const claimSpan = cover(a.n, b.n, r.n);
  const working = `${expr} to ${r.unit.mathjs}`;
  // Verified only when the printed inputs give the printed result; a result that holds only with an
  // input at the edge of its rounding is left quiet.
  if (roundsTo(r.n, evaluated.value, true)) {
    out.verified.push(makeVerified(paper, 'unit-conversion', claimSpan, `${working} = ${plain(evaluated.value)}`));
    return;
  }
  if (intervalMeets(r.n, lo, hi, true)) return;
  const recomputed = r.n.exponent ? formatResult(r.n, evaluated.value) : formatLike(r.n, evaluated.value);
  out.findings.push(
    makeFinding(paper, {
      kind: 'unit-conversion',
      severity: 'error',
      message: `${a.n.text} ${a.unit.text} ${op === '*' ? '×' : '/'} ${b.n.text} ${b.unit.text} is ${recomputed} ${r.unit.text}, not ${r.n.text} ${r.unit.text}.`,
      claimSpan,
      span: r.n,
      reported: r.n.text,
      recomputed,
      working,
      suggestion: recomputed,
      related: [a.n, b.n],
    }),
  );
}

export function checkUnits(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  const text = paper.text;
  const { sentences } = sentencesOf(paper);
  const blockQuantities = new Map<number, Quantity[]>();
  for (const s of sentences) {
    const nums = quantitiesIn(text, s);
    const qs: Quantity[] = [];
    nums.forEach((n, i) => {
      if (n.percent) return;
      const unit = unitAt(text, n.end, nums[i + 1]?.start ?? s.end);
      if (unit) qs.push({ n, unit });
    });
    const list = blockQuantities.get(s.block) ?? [];
    blockQuantities.set(s.block, list);

    // Conversions: "X U1 (Y U2)", "X U1, i.e. Y U2", "X U1 = Y U2". The last quantity of the previous
    // sentence of the block comes along: an abbreviation's period ("16 hrs. (960 min.)") may have ended it.
    const prev = list[list.length - 1];
    const pairs = prev ? [prev, ...qs] : qs;
    for (let i = 0; i + 1 < pairs.length; i++) {
      const a = pairs[i];
      const b = pairs[i + 1];
      if (!/^\.?\s*(?:\(\s*(?:or\s+|i\.e\.,?\s+|≈\s*|~\s*)?|,?\s*i\.e\.,?\s+|=\s*|,?\s*or\s+)$/.test(text.slice(a.unit.end, b.n.start))) continue;
      // "0.5 mg/kg × 70 kg = 35 mg": the 70 kg is an operand of the product, not a quantity restated.
      if (OPERAND_BEFORE.test(text.slice(Math.max(0, a.n.start - 16), a.n.start))) continue;
      if (a.unit.mathjs === b.unit.mathjs || CALENDAR.test(a.unit.mathjs) || CALENDAR.test(b.unit.mathjs)) continue;
      const factor = unitFactor(a.unit.mathjs, b.unit.mathjs);
      if (factor === undefined) continue;
      const exact = a.n.value * factor;
      const claimSpan = cover(a.n, b.n, { start: b.unit.end, end: b.unit.end });
      const working = `${plain(a.n.value)} ${a.unit.mathjs} to ${b.unit.mathjs}`;
      // One of the two is the quantity as measured, the other its conversion rounded: the first taken
      // as printed must convert to the second at the second's precision, or the second to the first
      // (strictly inside its rounding interval, so a value on the boundary does not count).
      const [alo, ahi] = roundingInterval(a.n);
      const back = b.n.value / factor;
      if (roundsTo(b.n, exact, true) || (back > alo && back < ahi)) {
        out.verified.push(makeVerified(paper, 'unit-conversion', claimSpan, `${working} = ${plain(exact)}`));
        continue;
      }
      const recomputed = b.n.exponent ? formatResult(b.n, exact) : formatLike(b.n, exact);
      out.findings.push(
        makeFinding(paper, {
          kind: 'unit-conversion',
          severity: 'error',
          message: `${a.n.text} ${a.unit.text} is ${recomputed} ${b.unit.text}, not ${b.n.text} ${b.unit.text}.`,
          claimSpan,
          span: b.n,
          reported: b.n.text,
          recomputed,
          working,
          suggestion: recomputed,
          related: [a.n],
        }),
      );
    }

    // A dose per body mass for the body named right before the result: "so a 60 kg patient received 300 mg".
    const intakes = new Set<Quantity>();
    for (const r of qs) {
      const intake = readIntake(text, qs, r);
      if (!intake) continue;
      intakes.add(r);
      judgeProduct(paper, out, intake.rate, intake.body, '*', r);
    }

    // Products in words: a cued result whose unit two earlier quantities of the paragraph make.
    for (const r of qs) {
      if (intakes.has(r)) continue;
      const cue = RESULT_CUE.exec(text.slice(Math.max(s.start, r.n.start - 48), r.n.start));
      if (!cue) continue;
      const earlier = [...list, ...qs.filter((q) => q.n.end <= r.n.start - cue[0].length)];
      const body = bodyAfter(text, qs, r);
      if (body) earlier.push(body);
      const pairs: { a: Quantity; b: Quantity; op: '*' | '/' }[] = [];
      for (let i = 0; i < earlier.length; i++) {
        for (let j = 0; j < earlier.length; j++) {
          if (i === j) continue;
          const [a, b] = [earlier[i], earlier[j]];
          if (a.unit.mathjs === r.unit.mathjs || b.unit.mathjs === r.unit.mathjs) continue;
          if (i < j && dimensionless(`(1 ${a.unit.mathjs}) * (1 ${b.unit.mathjs}) / (1 ${r.unit.mathjs})`)) pairs.push({ a, b, op: '*' });
          if (dimensionless(`(1 ${a.unit.mathjs}) / (1 ${b.unit.mathjs}) / (1 ${r.unit.mathjs})`)) pairs.push({ a, b, op: '/' });
        }
      }
      if (pairs.length !== 1) continue; // none, or several readings
      const { a, b, op } = pairs[0];
      judgeProduct(paper, out, a, b, op, r);
    }
    list.push(...qs);
  }
  return out;
}

export const UNIT_CONVERSION_RULE = { id: 'unit-conversion', title: 'Units and conversions', description: 'A quantity with units (a dose per kg times a body mass, a unit conversion) is off, often by a power of ten.', defaultSeverity: 'error' } as const;

export const unitsCheck: CheckModule = {
  name: 'units',
  title: 'Units and conversions',
  description: 'Recomputes unit conversions written next to a quantity, and results stated in words whose units follow from two quantities of the paragraph.',
  kinds: [UNIT_CONVERSION_RULE],
  shapes: [
    { name: 'conversion in brackets', example: '1.5 km (1500 m)' },
    { name: 'result in words', example: 'a flow of 3 L/min over 20 min delivers 60 L' },
    { name: 'dose per body mass or rate per area, applied', example: 'at 4 mg per kg of body weight, a 25 kg dog is given 100 mg; 80 kg/ha means a 3 ha plot needs 240 kg' },
    { name: 'result, then the body it is for', example: 'a daily limit of 2 mg/kg/day equals 100 mg/day for a 50 kg woman' },
  ],
  leavesAlone: [
    'Quantities without a unit mathjs knows.',
    'An intake set against a limit, or a dose contrasted with what was given ("but", "more than", a semicolon between them).',
  ],
  run: checkUnits,
};
