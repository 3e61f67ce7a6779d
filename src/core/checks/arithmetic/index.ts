// Claims a reviewer recomputes by hand: arithmetic, percentages, changes, units, tables, parts and totals.

import type { Check } from '../../types.ts';
import { checkExpressions } from './expressions.ts';
import { checkPercentages } from './percentage.ts';

export const ARITHMETIC_CHECKS: readonly Check[] = [checkExpressions, checkPercentages];
