// The engine's shared vocabulary. Everything here is plain data: no VS Code import,
// so the CLI, the language server and the tests all speak it.

import type { FindingKind } from './rules.ts';

/** 0-based line and UTF-16 character offset, as LSP and VS Code count them. */
export interface Position {
  line: number;
  character: number;
}

/** Where something is printed in a source file (a .tex file, or a page of a PDF). */
export interface SourceRange {
  /** file:// URI of the file the text came from. */
  uri: string;
  start: Position;
  end: Position;
  /** PDFs only: 1-based page number. */
  page?: number;
  /** PDFs only: [x0, y0, x1, y1] in PDF user-space units on that page. */
  box?: [number, number, number, number];
}

export type Severity = 'error' | 'warning' | 'info';
export type Origin = 'deterministic' | 'model';

/** A [start, end) range of UTF-16 offsets into PaperText.text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A place a finding points to besides its own span; `message` says what stands there (SARIF relatedLocations, LSP relatedInformation). */
export interface RelatedSpan extends TextSpan {
  message?: string;
}

/** A related place, located in the sources. */
export interface RelatedRange extends SourceRange {
  message?: string;
}

/** Maps offsets of the checkable text back to where they stand in the sources. */
export interface SourceMap {
  /** The source range covered by text[start, end). Never throws; clamps out-of-range offsets. */
  toSource(start: number, end: number): SourceRange;
}

export type BlockKind = 'paragraph' | 'heading' | 'caption' | 'display-math' | 'item' | 'table' | 'footnote';

/** A unit of reading order: a paragraph, a heading, a caption, a display formula or a table. */
export interface Block extends TextSpan {
  kind: BlockKind;
  /** Title of the enclosing section ('' before the first heading). */
  section: string;
}

export interface TableCell extends TextSpan {
  /** The cell's checkable text (same as paper.text.slice(start, end)). */
  text: string;
  /** 0-based index of the first grid column the cell occupies. */
  column: number;
  /** How many grid columns it spans (\multicolumn). */
  colspan: number;
}

export interface TableGrid extends TextSpan {
  caption: string;
  section: string;
  /** Rows in reading order; rules (\hline, \midrule) are dropped. */
  rows: TableCell[][];
}

/** Something the checker could not read, or a limit it hit. Shown to the user, never thrown. */
export interface CheckNote {
  level: 'info' | 'warning' | 'error';
  message: string;
  uri?: string;
  range?: SourceRange;
  /**
   * A budget or limit cut the work short here (time, memory, pages, size, nesting, fan-out): part of
   * the paper was not read or not checked. The CLI exits 3 for such a paper; reports mark the note.
   */
  partial?: boolean;
}

/** True when some note says a budget or limit cut the paper's reading or checking short. */
export function partlyChecked(result: { notes: readonly CheckNote[] }): boolean {
  return result.notes.some((n) => n.partial === true);
}

/**
 * A paper turned into checkable text: prose, linearised math and tables in reading order,
 * with a map from every character back to its source. Produced by the LaTeX and PDF extractors.
 */
export interface PaperText {
  /** URI of the root file (the .tex root or the .pdf). */
  uri: string;
  text: string;
  map: SourceMap;
  blocks: Block[];
  tables: TableGrid[];
  notes: CheckNote[];
  /** Every source file that contributed text (for LaTeX projects: root plus \input files). */
  files: string[];
  /** Ignore directives found in the sources: spans of text whose findings are suppressed. */
  suppressed: TextSpan[];
  /** Ignore directives that name what they hide: spans where findings of these kinds or ids are suppressed. */
  suppressedOnly?: SelectiveSuppression[];
}

export interface SelectiveSuppression extends TextSpan {
  /** Finding kinds and ids. */
  only: string[];
}

/** What a check reports, located in the checkable text; the engine maps it to sources. */
export interface RawFinding {
  kind: FindingKind;
  severity: Severity;
  /** One plain sentence: what is wrong. */
  message: string;
  /** The claim as written (verbatim slice of the text, whitespace collapsed). */
  claim: string;
  /** The reported number as written, e.g. "42,000". */
  reported?: string;
  /** The value recomputation gives, formatted at the reported precision, e.g. "420,000". */
  recomputed?: string;
  /** The expression that was evaluated, e.g. "7000 ng/kg/day * 60 kg". */
  working?: string;
  /** Replacement text for `span` when the fix is unambiguous. */
  suggestion?: string;
  /** A sentence for readers who do not know the test (GRIM, statcheck, ...). */
  explanation?: string;
  /** The wrong number (what gets underlined and replaced). */
  span: TextSpan;
  /** The whole claim (sentence part, formula, table row). */
  claimSpan?: TextSpan;
  /** The other numbers the claim depends on (with a message when they stand elsewhere in the paper). */
  related?: RelatedSpan[];
  origin?: Origin;
  /** Model findings: how sure the model was (0..1) and whether mathjs confirmed it. */
  confidence?: number;
  confirmed?: boolean;
}

/** A claim that was recomputed and found consistent (the report lists these too). */
export interface RawVerified {
  kind: FindingKind;
  claim: string;
  working: string;
  span: TextSpan;
}

/** A claim a check read but could not decide (a definition it does not state, an unreadable operand). */
export interface RawUndecided {
  kind: FindingKind;
  claim: string;
  /** Why it could not be decided, in plain words. */
  reason: string;
  span: TextSpan;
}

export interface CheckOutput {
  findings: RawFinding[];
  verified: RawVerified[];
  /** Claims read but left undecided (counted in the coverage; not shown as findings). */
  undecided?: RawUndecided[];
  notes?: CheckNote[];
}

/** A check: pure function from the paper's text to what it found. */
export type Check = (paper: PaperText) => CheckOutput;

export interface Finding {
  /** Stable across runs and edits elsewhere: hash of kind + normalised claim. */
  id: string;
  kind: FindingKind;
  severity: Severity;
  origin: Origin;
  message: string;
  claim: string;
  /** The sentence (or table row) the finding stands in, whitespace collapsed: what PDF reports quote. */
  quote?: string;
  /** The checkable text of `range` (what the suggestion replaces), so a fix can be made from the source. */
  written?: string;
  reported?: string;
  recomputed?: string;
  working?: string;
  suggestion?: string;
  explanation?: string;
  range: SourceRange;
  claimRange?: SourceRange;
  related: RelatedRange[];
  section: string;
  confidence?: number;
  confirmed?: boolean;
}

export interface VerifiedClaim {
  kind: FindingKind;
  claim: string;
  working: string;
  range: SourceRange;
  section: string;
}

export interface CheckResult {
  /** URI of the root file that was checked. */
  uri: string;
  files: string[];
  findings: Finding[];
  verified: VerifiedClaim[];
  notes: CheckNote[];
  /** How many findings ignore comments or the ignore list hid. */
  suppressedCount: number;
  /** What was read and how it was judged, by kind: shown in the CLI summary, the report and the JSON. */
  coverage?: Coverage;
  /** Model findings that were not shown, and why (the report's collapsed "not shown" section). */
  notShown?: { reason: string; quote?: string }[];
  /** The last model review of this paper, when one ran. */
  modelReview?: ModelReviewRun;
}

/** What a report says about a model review: which model, where, when, and what came of it. */
export interface ModelReviewRun {
  model: string;
  /** The endpoint's host (never the key, never the full URL's query). */
  host: string;
  /** ISO date and time the review finished. */
  date: string;
  /** Findings shown, and findings the model proposed that Tally dropped (unlocated, unconfirmed, refuted). */
  kept: number;
  dropped: number;
}

/** Per finding kind: claims read, and how each was judged (read = verified + flagged + undecided). */
export interface KindCoverage {
  read: number;
  verified: number;
  flagged: number;
  undecided: number;
}

export interface Coverage {
  byKind: Partial<Record<FindingKind, KindCoverage>>;
  /** The paper's size, to set the counts against. */
  sentences: number;
  tables: number;
}
