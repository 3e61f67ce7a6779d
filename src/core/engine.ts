// Runs the checks over a paper's text and turns what they report into located findings.

import { createHash } from 'node:crypto';
import { enabledChecks } from './checks/index.ts';
import { coverageOf } from './coverage.ts';
import { compareFindings } from './finding-order.ts';
import { pushAll } from './latex/nesting.ts';
import { splitSentences } from './text/sentences.ts';
import type { FindingKind } from './rules.ts';
import type { Block, Check, CheckNote, CheckResult, Finding, PaperText, RawFinding, RawUndecided, RawVerified, Severity, TextSpan, VerifiedClaim } from './types.ts';

export interface CheckOptions {
  /** Finding ids the user chose to hide (the project's ignore list). */
  ignoreIds?: readonly string[];
  /** Per-kind severity, or 'off' to drop the kind. */
  severities?: Partial<Record<FindingKind, Severity | 'off'>>;
  /** Which checks to run (default: all deterministic checks). */
  checks?: readonly Check[];
  /** Asked between checks: true skips the remaining ones (a newer edit superseded this check; its result is discarded). */
  stop?: () => boolean;
}

/** Stable id: the same claim keeps its id when text elsewhere in the paper changes. */
export function findingId(kind: string, claim: string): string {
  const normalised = claim.replace(/\s+/g, ' ').trim().toLowerCase();
  return createHash('sha256').update(`${kind}\u0000${normalised}`).digest('hex').slice(0, 12);
}

/** The block holding `offset`, if any. */
function blockAt(paper: PaperText, offset: number): Block | undefined {
  // Blocks are in reading order and do not overlap: binary search for the last block starting at or before offset.
  const blocks = paper.blocks;
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid].start <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  const b = blocks[hi];
  return b && offset < b.end ? b : undefined;
}

export function sectionAt(paper: PaperText, offset: number): string {
  return blockAt(paper, offset)?.section ?? '';
}

const MAX_QUOTE = 500;

/** The last span starting at or before `offset` in spans sorted by start (binary search). */
function lastStartingAtOrBefore<T extends TextSpan>(spans: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return spans[hi];
}

/**
 * Finds the sentence around a span. Each block is split into sentences once and the split is kept,
 * so locating many findings of one long paragraph stays linear in its length.
 */
export class SentenceLocator {
  private readonly byBlock = new Map<number, TextSpan[]>();
  private readonly paper: PaperText;

  constructor(paper: PaperText) {
    this.paper = paper;
  }

  private sentencesOf(block: Block): TextSpan[] {
    let sentences = this.byBlock.get(block.start);
    if (!sentences) this.byBlock.set(block.start, (sentences = splitSentences(this.paper.text, block.start, block.end)));
    return sentences;
  }

  /** The sentence around a span (a table row in tables), whitespace collapsed and bounded in length. */
  quote(span: TextSpan): string {
    const text = this.paper.text;
    const block = blockAt(this.paper, span.start);
    let start = block?.start ?? Math.max(0, span.start - 200);
    let end = block?.end ?? Math.min(text.length, span.end + 200);
    if (block?.kind === 'table') {
      start = text.lastIndexOf('\n', span.start - 1) + 1;
      const lineEnd = text.indexOf('\n', span.end);
      end = lineEnd < 0 || lineEnd > end ? end : lineEnd;
    } else if (block) {
      const sentence = lastStartingAtOrBefore(this.sentencesOf(block), span.start);
      if (sentence && span.start < sentence.end) [start, end] = [sentence.start, Math.max(sentence.end, Math.min(span.end, end))];
    }
    // Only the first few quote lengths are read: a single huge sentence must not cost its length per finding.
    const quote = text.slice(start, Math.min(end, start + MAX_QUOTE * 2)).replace(/\s+/g, ' ').trim();
    return quote.length > MAX_QUOTE || end > start + MAX_QUOTE * 2 ? quote.slice(0, MAX_QUOTE - 1) + '…' : quote;
  }
}

/** The sentence around a span (a table row in tables), whitespace collapsed and bounded in length. */
export function sentenceAround(paper: PaperText, span: TextSpan): string {
  return new SentenceLocator(paper).quote(span);
}

function within(span: TextSpan, outer: TextSpan): boolean {
  return span.start >= outer.start && span.end <= outer.end;
}

/** Suppressed regions sorted by start with overlaps merged, so one binary search answers `isSuppressed`. */
function mergedRegions(spans: readonly TextSpan[]): TextSpan[] {
  const out: TextSpan[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

function isSuppressedIn(regions: readonly TextSpan[], paper: PaperText, span: TextSpan, kind?: string, id?: string): boolean {
  const candidate = lastStartingAtOrBefore(regions, span.start);
  if (candidate && within(span, candidate)) return true;
  return !!paper.suppressedOnly?.some((s) => within(span, s) && s.only.some((x) => x === kind || x === id));
}

/** Whether an ignore comment hides a finding at `span` (of `kind`, with `id`, when the comment names them). */
export function isSuppressed(paper: PaperText, span: TextSpan, kind?: string, id?: string): boolean {
  return isSuppressedIn(mergedRegions(paper.suppressed), paper, span, kind, id);
}

/** Turns raw findings into located findings; used by the engine and by the model review. */
export function materialise(paper: PaperText, raws: readonly RawFinding[], options: CheckOptions = {}): { findings: Finding[]; suppressedCount: number } {
  const ignore = new Set(options.ignoreIds ?? []);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  let suppressedCount = 0;
  const sentences = new SentenceLocator(paper);
  const suppressed = mergedRegions(paper.suppressed);
  for (const raw of raws) {
    const override = options.severities?.[raw.kind];
    if (override === 'off') continue;
    const id = findingId(raw.kind, raw.claim);
    if (ignore.has(id) || isSuppressedIn(suppressed, paper, raw.span, raw.kind, id)) {
      suppressedCount++;
      continue;
    }
    const key = `${id}:${raw.span.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({
      id,
      kind: raw.kind,
      severity: override ?? raw.severity,
      origin: raw.origin ?? 'deterministic',
      message: raw.message,
      claim: raw.claim,
      quote: sentences.quote(raw.span),
      written: paper.text.slice(raw.span.start, raw.span.end),
      reported: raw.reported,
      recomputed: raw.recomputed,
      working: raw.working,
      suggestion: raw.suggestion,
      explanation: raw.explanation,
      range: paper.map.toSource(raw.span.start, raw.span.end),
      claimRange: raw.claimSpan ? paper.map.toSource(raw.claimSpan.start, raw.claimSpan.end) : undefined,
      related: (raw.related ?? []).map((s) => (s.message ? { ...paper.map.toSource(s.start, s.end), message: s.message } : paper.map.toSource(s.start, s.end))),
      section: sectionAt(paper, raw.span.start),
      confidence: raw.confidence,
      confirmed: raw.confirmed,
    });
  }
  return { findings, suppressedCount };
}

function materialiseVerified(paper: PaperText, raws: readonly RawVerified[]): VerifiedClaim[] {
  return raws.map((v) => ({ kind: v.kind, claim: v.claim, working: v.working, range: paper.map.toSource(v.span.start, v.span.end), section: sectionAt(paper, v.span.start) }));
}

export { compareFindings };

/** Checks a paper. Never throws: a failing check becomes a note. */
export function checkPaper(paper: PaperText, options: CheckOptions = {}): CheckResult {
  const raws: RawFinding[] = [];
  const verifiedRaw: RawVerified[] = [];
  const undecidedRaw: RawUndecided[] = [];
  const notes: CheckNote[] = [...paper.notes];
  for (const check of options.checks ?? enabledChecks(options.severities).map((m) => m.run)) {
    if (options.stop?.()) break;
    try {
      const out = check(paper);
      // Appended one by one: spreading tens of thousands of findings into push() overflows the stack.
      pushAll(raws, out.findings);
      pushAll(verifiedRaw, out.verified);
      pushAll(undecidedRaw, out.undecided ?? []);
      pushAll(notes, out.notes ?? []);
    } catch (e) {
      notes.push({ level: 'warning', message: `A check (${check.name || 'anonymous'}) failed on this paper and was skipped: ${(e as Error).message}`, uri: paper.uri });
    }
  }
  const { findings, suppressedCount } = materialise(paper, raws, options);
  findings.sort(compareFindings);
  const verified = materialiseVerified(paper, verifiedRaw);
  const coverage = coverageOf(paper, findings, verifiedRaw, undecidedRaw);
  return { uri: paper.uri, files: paper.files, findings, verified, notes, suppressedCount, coverage };
}
