// Ledger entries grouped the way a reader compares them: by section (and study), in reading order.

import type { LedgerEntry } from '../../ledger/index.ts';
import { PEOPLE_NOUNS, SEX_WORDS } from '../../ledger/lexicon.ts';

/** Consecutive entries of one section of one study: the window a sample's flow is told in. */
export function bySection(entries: readonly LedgerEntry[]): LedgerEntry[][] {
  const out: LedgerEntry[][] = [];
  let current: LedgerEntry[] = [];
  let key = '';
  for (const e of entries) {
    const k = `${e.study}\u0000${e.section}`;
    if (k !== key && current.length) {
      out.push(current);
      current = [];
    }
    key = k;
    current.push(e);
  }
  if (current.length) out.push(current);
  return out;
}

/** A count of the study's people (or "N = ..."), the numbers a sample's flow is made of. */
export function isPeopleCount(e: LedgerEntry): boolean {
  return e.role === 'count' && e.place !== 'table' && (PEOPLE_NOUNS.has(e.noun) || e.noun === 'sample');
}

export function isSexCount(e: LedgerEntry): boolean {
  return e.role === 'count' && SEX_WORDS.has(e.noun);
}

/** Whether some sub-collection of `values` (up to 12 of them) sums to `target`. */
export function someSubsetSums(values: readonly number[], target: number): boolean {
  const vs = values.slice(0, 12);
  for (let mask = 1; mask < 1 << vs.length; mask++) {
    let s = 0;
    for (let i = 0; i < vs.length; i++) if (mask & (1 << i)) s += vs[i];
    if (s === target) return true;
  }
  return false;
}
