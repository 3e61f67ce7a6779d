// Statistical reporting checks: p-values from test statistics, GRIM, GRIMMER, DEBIT.

import type { Check } from '../../types.ts';
import { checkDebit } from './debit.ts';
import { checkGrim } from './grim.ts';
import { checkGrimmer } from './grimmer.ts';
import { checkPValues } from './p-value.ts';

export const STATS_CHECKS: readonly Check[] = [checkPValues, checkGrim, checkGrimmer, checkDebit];
