// Shared by the consistency checks: how a message names the other place ("Methods, line 12"),
// and how a finding that links two places is built.

import type { LedgerEntry } from '../../ledger/index.ts';
import type { FindingKind } from '../../rules.ts';
import type { PaperText, RawFinding, Severity, TextSpan } from '../../types.ts';

/** "Methods (line 12)", "the abstract (page 1)", "Table 2 (line 40)". */
export function placeName(paper: PaperText, e: Pick<LedgerEntry, 'start' | 'end' | 'section' | 'place' | 'cell'>): string {
  const range = paper.map.toSource(e.start, e.end);
  const at = range.page !== undefined ? `page ${range.page}` : `line ${range.start.line + 1}`;
  if (e.cell) return `Table ${e.cell.table + 1} (${at})`;
  const name = e.place === 'abstract' ? 'the abstract' : e.place === 'caption' ? 'a caption' : e.place === 'footnote' ? 'a footnote' : e.section || 'the opening text';
  return `${name} (${at})`;
}

export function plain(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface LinkedFinding {
  kind: FindingKind;
  severity: Severity;
  message: string;
  /** The number (or numbers) underlined. */
  here: TextSpan;
  /** What is reported there, when `here` covers more than one number. */
  reported?: string;
  /** The clause it stands in. */
  claimSpan: TextSpan;
  /** The numbers elsewhere that disagree with it, each with what stands there. */
  others: { span: TextSpan; message: string }[];
  explanation?: string;
}

export function linkedFinding(paper: PaperText, f: LinkedFinding): RawFinding {
  return {
    kind: f.kind,
    severity: f.severity,
    message: f.message,
    claim: plain(paper.text.slice(f.claimSpan.start, f.claimSpan.end)),
    reported: f.reported ?? paper.text.slice(f.here.start, f.here.end),
    span: f.here,
    claimSpan: f.claimSpan,
    related: f.others.map((o) => ({ start: o.span.start, end: o.span.end, message: o.message })),
    explanation: f.explanation,
  };
}
