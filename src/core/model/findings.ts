// Turns validated model output into RawFindings. The model proposes; Tally confirms only what it can
// check itself: the quote is in the paper verbatim, the number called wrong is printed inside it, the
// expression's inputs are printed near it (or in its second quote), the expression computes the very
// number the model proposes instead, and no deterministic check computes the same claim differently.
// Anything else that is located is shown as a warning that says what the model claims and why Tally
// could not confirm it.

import { rangesOverlap } from '../finding-order.ts';
import { formatLike, type ReportedNumber } from '../numbers.ts';
import { ruleFor, type FindingKind } from '../rules.ts';
import type { Finding, PaperText, RawFinding, TextSpan, VerifiedClaim } from '../types.ts';
import { locateNumber, locateQuoteDetailed, parseModelNumber, type LocatedQuote } from './locate.ts';
import type { ModelFinding } from './schema.ts';
import { foreignInputs, prettyExpression, printedValues, verifyClaim } from './verify.ts';

export interface Dropped {
  reason: string;
  quote?: string;
}

/** What the deterministic checks made of the same paper, so a model finding can be set against it. */
export interface DeterministicView {
  findings: readonly Finding[];
  verified: readonly VerifiedClaim[];
}

export interface FindingContext {
  /** The section sent, then its context: where a quote found twice is taken from. */
  prefer: readonly TextSpan[];
  deterministic?: DeterministicView;
}

export type Processed = { raw: RawFinding } | { dropped: Dropped };

/** Opens the reason a model finding gives when a deterministic check judged the same number otherwise. */
export const DISAGREEMENT = "Tally's own check";

/** Below this the model itself is unsure: never an error. */
export const MIN_CONFIRMED_CONFIDENCE = 0.5;
// "Near the quote": its paragraph or table, and this many characters either side.
const NEAR_CHARS = 1500;

function shortQuote(q: string): string {
  return q.length > 160 ? q.slice(0, 159) + '…' : q;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The paper's text near a span: the blocks and tables it touches, widened by NEAR_CHARS. */
function nearText(paper: PaperText, span: TextSpan): string {
  let start = Math.max(0, span.start - NEAR_CHARS);
  let end = Math.min(paper.text.length, span.end + NEAR_CHARS);
  for (const b of [...paper.blocks, ...paper.tables]) {
    if (!overlaps(b, span)) continue;
    start = Math.min(start, b.start);
    end = Math.max(end, b.end);
  }
  return paper.text.slice(start, end);
}

/** One model finding → a located RawFinding (confirmed error or explained warning), or why it was dropped. */
export function processFinding(paper: PaperText, m: ModelFinding, ctx: FindingContext): Processed {
  if (!/\d/.test(m.quote) && !/\d/.test(m.secondQuote ?? '')) return { dropped: { reason: 'the quote holds no number', quote: shortQuote(m.quote) } };
  const quote = locateQuoteDetailed(paper, m.quote, ctx.prefer);
  if (!quote) return { dropped: { reason: 'the quote is not in the paper', quote: shortQuote(m.quote) } };
  const second = m.secondQuote ? locateQuoteDetailed(paper, m.secondQuote) : undefined;
  const claim = collapse(paper.text.slice(quote.start, quote.end));
  const number = m.reported ? locateNumber(paper, quote, m.reported) : undefined;
  const check = confirm(paper, m, quote, second, number, ctx.deterministic);
  if ('agrees' in check) {
    return { dropped: { reason: `the model's own arithmetic gives the printed number (${check.agrees}, printed ${number?.text})`, quote: shortQuote(claim) } };
  }
  const base = {
    origin: 'model' as const,
    claim,
    span: number ? { start: number.start, end: number.end } : { start: quote.start, end: quote.end },
    claimSpan: { start: quote.start, end: quote.end },
    related: second ? [{ start: second.start, end: second.end }] : undefined,
    explanation: m.explanation,
    confidence: m.confidence,
  };
  if ('confirmed' in check) {
    // A claim mathjs confirmed is arithmetic even when the model filed it under 'model'.
    const kind: FindingKind = m.kind === 'model' ? 'arithmetic' : m.kind;
    return {
      raw: {
        ...base,
        kind,
        severity: ruleFor(kind)?.defaultSeverity ?? 'warning',
        message: `${prettyExpression(m.expression!)} is ${check.confirmed.recomputed}, not ${number!.text}.`,
        reported: number!.text,
        recomputed: check.confirmed.recomputed,
        working: check.confirmed.working,
        suggestion: check.confirmed.recomputed,
        confirmed: true,
      },
    };
  }
  return { raw: { ...base, kind: 'model', severity: 'warning', message: unconfirmedMessage(m, number, check.unconfirmed), reported: number?.text, confirmed: false } };
}

/** "78% may be wrong (the model proposes 87%: …). Not confirmed: …" — the claim first, then why Tally could not check it. */
function unconfirmedMessage(m: ModelFinding, number: ReportedNumber | undefined, reasons: string[]): string {
  const explanation = m.explanation.replace(/[.\s]+$/, '');
  const claimPart = number
    ? `${number.text} may be wrong${m.corrected ? ` (the model proposes ${m.corrected}${m.expression ? `, from ${prettyExpression(m.expression)}` : ''})` : ''}: ${explanation}.`
    : `${explanation}.`;
  return `${claimPart} Not confirmed: ${reasons.join('; ')}.`;
}

type Confirmation = { confirmed: { recomputed: string; working: string } } | { unconfirmed: string[] } | { agrees: string };

/** Applies every confirmation rule; lists each one that fails, in plain words. */
function confirm(paper: PaperText, m: ModelFinding, quote: LocatedQuote, second: LocatedQuote | undefined, number: ReportedNumber | undefined, det?: DeterministicView): Confirmation {
  const reasons: string[] = [];
  if (!m.expression) reasons.push('the model gave no arithmetic Tally could recompute');
  if (quote.elided) reasons.push('the quote leaves text out ("…"), so what it spans is a guess');
  else if (!quote.verbatim) reasons.push('the quote is not verbatim');
  if (m.secondQuote && !second) reasons.push('its second quote is not in the paper');
  if (!m.reported) reasons.push('the model did not say which printed number is wrong');
  else if (!number) reasons.push(`${m.reported} is not printed in the quote`);
  let recomputed: string | undefined;
  let working: string | undefined;
  if (m.expression) {
    if (m.kind === 'interval') reasons.push('an estimate need not lie in the middle of its interval, so recomputing it from the bounds proves nothing');
    const known = printedValues(nearText(paper, quote) + '\n' + (second ? nearText(paper, second) : ''));
    const foreign = foreignInputs(m.expression, known);
    if (foreign.length > 0) {
      const list = foreign.slice(0, 3).join(', ');
      reasons.push(`${list} ${foreign.length === 1 ? 'is' : 'are'} not printed near the quote${second ? ' or its second quote' : ''}`);
    }
    if (number) {
      const verdict = verifyClaim(m.expression, number, parseModelNumber(m.reported ?? '')?.unit ?? '');
      if (verdict.status === 'consistent') return { agrees: verdict.working };
      if (verdict.status === 'unverifiable') reasons.push(verdict.reason);
      else {
        ({ recomputed, working } = verdict);
        const corrected = m.corrected ? parseModelNumber(m.corrected)?.number : undefined;
        if (!corrected) reasons.push('the model gave no corrected value to compare its arithmetic with');
        else if (formatLike(number, corrected.value) !== recomputed) {
          reasons.push(`its arithmetic gives ${recomputed}, not the ${m.corrected} it proposes, so it does not compute this number`);
        } else if (!plausibleMisprint(number.text, recomputed)) {
          reasons.push(`${number.text} is not a slip of the pen for ${recomputed} (a digit changed, swapped, dropped or doubled), so the arithmetic may compute another quantity`);
        }
      }
    }
  }
  if (m.confidence < MIN_CONFIRMED_CONFIDENCE) reasons.push(`the model itself was unsure (confidence ${Math.round(m.confidence * 100)}%)`);
  const conflict = deterministicConflict(paper, number ?? quote, det, recomputed);
  if (conflict) reasons.push(conflict);
  if (reasons.length > 0 || !recomputed || !working) return { unconfirmed: reasons.length ? reasons : ['nothing to recompute'] };
  return { confirmed: { recomputed, working } };
}

/**
 * Whether `printed` reads as a slip of the pen for `correct` (formatted like it): the same sign and
 * number of digits, with one digit changed or two neighbouring digits swapped. Arithmetic on unrelated
 * numbers of a sentence (a version and a thread count, two dates) rarely lands one slip away from a
 * number of two or more digits; a mistyped or misprinted result almost always does. Single digits
 * are too easy to hit by chance, and years are dates, not results.
 */
export function plausibleMisprint(printed: string, correct: string): boolean {
  const negative = (t: string) => /^[-\u2212\u2013]/.test(t.trim());
  if (negative(printed) !== negative(correct)) return false;
  if (/^(19|20)\d\d$/.test(printed.trim())) return false;
  const a = printed.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  const b = correct.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  if (a.length < 2 || a.length !== b.length || a === b) return false;
  const differ = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  if (differ.length === 1) return true;
  const [i, j] = differ;
  return differ.length === 2 && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** Where a deterministic check judged the same number differently: shown, never resolved silently. */
function deterministicConflict(paper: PaperText, span: TextSpan, det: DeterministicView | undefined, recomputed: string | undefined): string | undefined {
  if (!det) return undefined;
  const range = paper.map.toSource(span.start, span.end);
  const verified = det.verified.find((v) => rangesOverlap(v.range, range));
  if (verified) return `${DISAGREEMENT} finds this claim consistent (${verified.working})`;
  const other = det.findings.find((f) => f.origin !== 'model' && f.recomputed && rangesOverlap(f.range, range));
  if (other && recomputed && other.recomputed !== recomputed) return `${DISAGREEMENT} recomputes it as ${other.recomputed}${other.working ? ` (${other.working})` : ''}`;
  return undefined;
}

/**
 * Combines the findings of `runs` self-consistency runs of one section: findings at overlapping spans
 * are the same finding; the message and confidence say how many runs agree.
 */
export function combineRuns(runs: RawFinding[][], totalRuns: number): RawFinding[] {
  if (totalRuns <= 1) return runs.flat();
  const groups: { raw: RawFinding; runs: Set<number>; confidences: number[] }[] = [];
  runs.forEach((list, run) => {
    for (const raw of list) {
      const g = groups.find((x) => overlaps(x.raw.span, raw.span));
      if (g) {
        g.runs.add(run);
        g.confidences.push(raw.confidence ?? 0.5);
        // Prefer a confirmed version over an unconfirmed one.
        if (raw.confirmed && !g.raw.confirmed) g.raw = raw;
      } else groups.push({ raw, runs: new Set([run]), confidences: [raw.confidence ?? 0.5] });
    }
  });
  return groups.map((g) => {
    const agree = g.runs.size;
    const mean = g.confidences.reduce((a, b) => a + b, 0) / g.confidences.length;
    return {
      ...g.raw,
      message: `${g.raw.message} ${agree} of ${totalRuns} runs agree.`,
      confidence: Math.round(mean * (agree / totalRuns) * 100) / 100,
    };
  });
}

/** Drops later findings at a span an earlier one already covers (sections share context). */
export function dedupeRaw(raws: readonly RawFinding[]): RawFinding[] {
  const out: RawFinding[] = [];
  for (const r of raws) {
    const dup = out.find((o) => overlaps(o.span, r.span));
    if (!dup) out.push(r);
    else if (r.confirmed && !dup.confirmed) out[out.indexOf(dup)] = r;
  }
  return out;
}
