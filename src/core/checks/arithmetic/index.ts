// Claims a reviewer recomputes by hand: arithmetic, percentages, changes, units, tables, parts and totals.

import type { Check } from '../../types.ts';

export const ARITHMETIC_CHECKS: readonly Check[] = [];
