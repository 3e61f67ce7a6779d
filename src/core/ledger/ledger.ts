// The ledger of a paper's quantities: every number with what it is a number of and where it
// stands, so checks can compare the same quantity across sections, captions and tables.

import type { ReportedNumber } from '../numbers.ts';
import type { TextSpan } from '../types.ts';

/** Where in the paper's structure a number stands. */
export type Place = 'abstract' | 'highlights' | 'conclusion' | 'body' | 'caption' | 'table' | 'footnote';

/** What a number is: a count of things, a share, a ratio, an estimate, a bound, a defined parameter. */
export type Role = 'count' | 'share' | 'ratio' | 'estimate' | 'bound' | 'parameter' | 'other';

export interface CellPosition {
  /** Index into PaperText.tables. */
  table: number;
  row: number;
  column: number;
  /** Text of the row's first cell (the row label), '' when the row has none. */
  rowLabel: string;
  /** Text of the header cell above, '' when the table has no header row. */
  columnLabel: string;
}

export interface LedgerEntry extends TextSpan {
  /** The number as written (counts written as words are read as their value). */
  number: ReportedNumber;
  /** The counted noun or measured quantity, lower case ("participants", "accuracy"), '' if none. */
  noun: string;
  /** The unit printed with the number ("%", "x", "ms", "years"), '' for bare numbers. */
  unit: string;
  /** The named thing the number belongs to: a table row label, or the label before "(n = 12)". */
  entity: string;
  role: Role;
  /** Flow stages named in the number's clause: recruited, excluded, final, completed, total, subset. */
  stages: string[];
  place: Place;
  /** Title of the enclosing section. */
  section: string;
  /** The enclosing "Study 2" / "Experiment 1" heading, '' in single-study papers. */
  study: string;
  /** Index into PaperText.blocks. */
  block: number;
  /** The sentence (or table row) the number stands in. */
  sentence: TextSpan;
  /** The clause of the sentence that holds the number (between ';' and clause-joining commas). */
  clause: TextSpan;
  cell?: CellPosition;
}

export interface Ledger {
  /** Every number of the paper, in reading order. */
  entries: LedgerEntry[];
}

export interface LedgerQuery {
  role?: Role | readonly Role[];
  noun?: string | ((noun: string) => boolean);
  place?: Place | readonly Place[];
  stage?: string;
  study?: string;
}

function matches<T extends string>(want: T | readonly T[] | undefined, have: T): boolean {
  if (want === undefined) return true;
  return typeof want === 'string' ? want === have : want.includes(have);
}

/** The entries that satisfy every given condition, in reading order. */
export function query(ledger: Ledger, q: LedgerQuery): LedgerEntry[] {
  return ledger.entries.filter(
    (e) =>
      matches(q.role, e.role) &&
      matches(q.place, e.place) &&
      (q.noun === undefined || (typeof q.noun === 'string' ? e.noun === q.noun : q.noun(e.noun))) &&
      (q.stage === undefined || e.stages.includes(q.stage)) &&
      (q.study === undefined || e.study === q.study),
  );
}
