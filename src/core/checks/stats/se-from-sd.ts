// A standard error of a mean against the SD and n printed with it: SE = SD / √n, as in
// "M = 4.2, SD = 1.1, SEM = 0.25, n = 20" or "mean 12.0 (SD 3.0; SE 0.6; n = 25)". Each of the
// three must be written once in the mean's own clause; an SE of a difference or of a model
// coefficient is left alone.

import { parseReported, roundingInterval } from '../../numbers.ts';
import type { ReportedNumber } from '../../numbers.ts';
import type { CheckOutput, PaperText, RawFinding, RawVerified, TextSpan } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { statsContext } from './context.ts';
import { sig3 } from './p-format.ts';
import { collapse } from './text-util.ts';

const NUM = String.raw`(?:\d+(?:\.\d+)?|\.\d+)`;
const LABEL_TO_VALUE = String.raw`\s*(?:[=:]\s*|\s(?:of|was|is)\s+)?`;
const SE = new RegExp(String.raw`(?<![\p{L}\p{N}_\\])(?:SEM|SE|S\.E\.(?:M\.)?|s\.e\.(?:m\.)?|standard error(?: of the mean)?)(?!\s+of\s+(?:the\s+)?(?:difference|estimate|coefficient|slope|regression))${LABEL_TO_VALUE}(${NUM})(?![\d.]\d)`, 'gu');
const SD = new RegExp(String.raw`(?<![\p{L}\p{N}_\\])(?:SD|S\.D\.|s\.d\.|standard deviation)${LABEL_TO_VALUE}(${NUM})(?![\d.]\d)`, 'gu');
const SIZE = new RegExp(String.raw`(?<![\p{L}\p{N}_\\])[nN]\s*=\s*(\d{1,6})(?![\d.,]\d)`, 'gu');
// Where a mean's clause ends: another mean, a test, a sentence end.
const CLAUSE_BREAK = /(?<![\p{L}\p{N}_\\])(?:M\s*=|[Mm]ean\b|[Aa]verage\b|[tFzr]\s?\(|[tFz]\s*=|p\s*[=<>])|[.;!?](?=\s+[A-Z])|\n\s*\n/gu;
// A regression or model context: its SE is the coefficient's, not SD / √n.
const MODEL = /\b(?:coefficient|regression|slope|estimate|b\s*=|β|beta|odds ratio|difference)\b/i;

interface Found {
  value: ReportedNumber;
  start: number;
}

function all(re: RegExp, s: string, span: TextSpan): Found[] {
  const out: Found[] = [];
  for (const m of s.slice(span.start, span.end).matchAll(re)) {
    const at = span.start + m.index + m[0].length - m[1].length;
    const value = parseReported(m[1], at);
    if (value) out.push({ value, start: span.start + m.index });
  }
  return out;
}

/** The clause around an SE: from the mean before it to whatever ends the mean's report after it. */
function clauseAround(s: string, at: number, labelEnd: number, sentence: TextSpan): TextSpan {
  const from = Math.max(sentence.start, at - 120);
  const before = s.slice(from, at);
  let start = from;
  for (const m of before.matchAll(CLAUSE_BREAK)) start = from + m.index;
  const to = Math.min(sentence.end, labelEnd + 80);
  const after = s.slice(labelEnd, to);
  CLAUSE_BREAK.lastIndex = 0;
  const next = CLAUSE_BREAK.exec(after);
  return { start, end: next ? labelEnd + next.index : to };
}


export function checkSeFromSd(paper: PaperText): CheckOutput {
  const c = statsContext(paper);
  const s = c.text;
  const findings: RawFinding[] = [];
  const verified: RawVerified[] = [];
  for (const m of s.matchAll(SE)) {
    const sentence = c.layout.sentenceAt(m.index);
    const clause = clauseAround(s, m.index, m.index + m[0].length, sentence);
    const text = s.slice(clause.start, clause.end);
    if (!/(?<![\p{L}\p{N}_\\])(?:M\s*=|[Mm]ean\b|[Aa]verage\b)/u.test(text) || MODEL.test(text)) continue;
    const ses = all(SE, s, clause);
    const sds = all(SD, s, clause);
    const sizes = all(SIZE, s, clause);
    if (ses.length !== 1 || sds.length !== 1 || sizes.length !== 1 || ses[0].start !== m.index) continue;
    const se = ses[0].value;
    const sd = sds[0].value;
    const n = sizes[0].value.value;
    if (n < 2 || !(sd.value > 0)) continue;
    const [d0, d1] = roundingInterval(sd);
    const implied: [number, number] = [d0 / Math.sqrt(n), d1 / Math.sqrt(n)];
    const [e0, e1] = roundingInterval(se);
    const claimSpan = { start: Math.min(se.start, sd.start, sizes[0].value.start), end: Math.max(se.end, sd.end, sizes[0].value.end) };
    const claim = collapse(s.slice(claimSpan.start, claimSpan.end));
    const working = `${sd.text} / √${n} = ${sig3(sd.value / Math.sqrt(n))} (from ${sig3(implied[0])} to ${sig3(implied[1])} across rounding); reported SE ${se.text}`;
    if (implied[1] >= e0 - 1e-12 && implied[0] <= e1 + 1e-12) {
      verified.push({ kind: 'se-sd', claim, working, span: { start: se.start, end: se.end } });
      continue;
    }
    findings.push({
      kind: 'se-sd',
      severity: 'warning',
      message: `SD ${sd.text} with n = ${n} gives a standard error of ${sig3(sd.value / Math.sqrt(n))}, not ${se.text}.`,
      claim,
      reported: se.text,
      recomputed: sig3(sd.value / Math.sqrt(n)),
      working,
      explanation: 'The standard error of a mean is the standard deviation divided by the square root of the sample size, so the three printed together must agree; here they do not, so one of them is likely mistyped (or the SE is not of this mean).',
      span: { start: se.start, end: se.end },
      claimSpan,
      related: [{ start: sd.start, end: sd.end }, sizes[0].value],
    });
  }
  return { findings, verified };
}

export const SE_SD_RULE = { id: 'se-sd', title: 'SE, SD and n', description: 'A standard error of a mean does not equal the SD divided by √n printed with it.', defaultSeverity: 'warning' } as const;

export const seFromSdCheck: CheckModule = {
  name: 'se-from-sd',
  title: 'SE, SD and n',
  description: 'Checks a mean\'s standard error against the SD and n printed with it (SE = SD / √n).',
  kinds: [SE_SD_RULE],
  shapes: [
    { name: 'all three with the mean', example: 'M = 4.2, SD = 1.1, SEM = 0.25, n = 20' },
    { name: 'in words', example: 'a mean of 12.0 (standard deviation 3.0, standard error 0.6, n = 25)' },
  ],
  leavesAlone: [
    'An SE of a difference, a coefficient or a model estimate (not SD / √n of one sample).',
    'A clause with more than one SD, SE or n (which goes with which is not said).',
  ],
  run: checkSeFromSd,
};
