// Claims a reviewer recomputes by hand: arithmetic, percentages, changes, units, tables, parts and totals.

import type { Check } from '../../types.ts';
import { checkChanges } from './change.ts';
import { checkExpressions } from './expressions.ts';
import { checkIntervals } from './interval.ts';
import { checkMeans } from './mean.ts';
import { checkPartsTotals } from './parts-total.ts';
import { checkPercentages } from './percentage.ts';
import { checkShares } from './shares.ts';
import { checkTablePercentages } from './table-percentage.ts';
import { checkTableShares } from './table-shares.ts';
import { checkTableTotals } from './table-total.ts';
import { checkUnits } from './units.ts';

export const ARITHMETIC_CHECKS: readonly Check[] = [
  checkExpressions,
  checkUnits,
  checkPercentages,
  checkChanges,
  checkMeans,
  checkPartsTotals,
  checkShares,
  checkIntervals,
  checkTableTotals,
  checkTablePercentages,
  checkTableShares,
];
