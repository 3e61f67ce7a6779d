// Turns validated model output into RawFindings: locate the quote (or drop), recompute the claim
// with mathjs (confirm, drop, or keep as an unconfirmed 'model' warning), combine self-consistency runs.

import { ruleFor, type FindingKind } from '../rules.ts';
import type { RawFinding, TextSpan, PaperText } from '../types.ts';
import { locateNumber, locateQuote, parseModelNumber } from './locate.ts';
import type { ModelFinding } from './schema.ts';
import { foreignInputs, paperValues, verifyClaim, type Verdict } from './verify.ts';

export interface Dropped {
  reason: string;
  quote?: string;
}

export type Processed = { raw: RawFinding } | { dropped: Dropped };

function shortQuote(q: string): string {
  return q.length > 160 ? q.slice(0, 159) + '…' : q;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** One model finding → a located, recomputed RawFinding, or the reason it was dropped. */
export function processFinding(paper: PaperText, m: ModelFinding, prefer: readonly TextSpan[]): Processed {
  const quoteSpan = locateQuote(paper, m.quote, prefer);
  if (!quoteSpan) return { dropped: { reason: 'the quote is not in the paper', quote: shortQuote(m.quote) } };
  const claim = collapse(paper.text.slice(quoteSpan.start, quoteSpan.end));
  const number = m.reported ? locateNumber(paper, quoteSpan, m.reported) : undefined;
  const unit = m.reported ? (parseModelNumber(m.reported)?.unit ?? '') : '';
  const verdict = checkedVerdict(paper, m, number, unit);

  if (verdict.status === 'consistent') {
    return { dropped: { reason: `recomputation agrees with the paper (${verdict.working}, reported ${number?.text})`, quote: shortQuote(claim) } };
  }
  const span = number ? { start: number.start, end: number.end } : quoteSpan;
  const base = {
    origin: 'model' as const,
    claim,
    span,
    claimSpan: quoteSpan,
    explanation: m.explanation,
    confidence: m.confidence,
  };
  if (verdict.status === 'confirmed') {
    // A claim mathjs confirmed is arithmetic even when the model filed it under 'model'.
    const kind: FindingKind = m.kind === 'model' ? 'arithmetic' : m.kind;
    return {
      raw: {
        ...base,
        kind,
        severity: ruleFor(kind)?.defaultSeverity ?? 'warning',
        message: `${number!.text} should be ${verdict.recomputed}: ${m.expression} gives ${verdict.recomputed} (model review, confirmed by recomputation).`,
        reported: number!.text,
        recomputed: verdict.recomputed,
        working: verdict.working,
        confirmed: true,
      },
    };
  }
  const suggestion = m.corrected && number ? ` The model suggests ${m.corrected} instead of ${number.text}.` : '';
  return {
    raw: {
      ...base,
      kind: 'model',
      severity: 'warning',
      message: `Possible inconsistency (model review, not confirmed by recomputation: ${verdict.reason}): ${m.explanation}${suggestion}`,
      reported: number?.text,
      confirmed: false,
    },
  };
}

const valuesCache = new WeakMap<PaperText, Set<string>>();

function checkedVerdict(paper: PaperText, m: ModelFinding, number: Parameters<typeof verifyClaim>[1], unit: string): Verdict {
  if (m.expression) {
    let known = valuesCache.get(paper);
    if (!known) valuesCache.set(paper, (known = paperValues(paper.text)));
    const foreign = foreignInputs(m.expression, known);
    if (foreign.length > 0) return { status: 'unverifiable', reason: `the expression uses numbers the paper does not print (${foreign.slice(0, 3).join(', ')})` };
  }
  return verifyClaim(m.expression, number, unit);
}

function overlaps(a: TextSpan, b: TextSpan): boolean {
  return a.start < b.end && b.start < a.end;
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
