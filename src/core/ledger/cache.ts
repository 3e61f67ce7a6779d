// One ledger per paper object: every consistency check reuses the same pass.

import type { PaperText } from '../types.ts';
import { buildLedger } from './build.ts';
import type { Ledger } from './ledger.ts';

const CACHE = new WeakMap<PaperText, Ledger>();

export function ledgerFor(paper: PaperText): Ledger {
  let ledger = CACHE.get(paper);
  if (!ledger) {
    ledger = buildLedger(paper);
    CACHE.set(paper, ledger);
  }
  return ledger;
}
