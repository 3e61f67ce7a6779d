// Every deterministic check, in the order they run.

import type { Check } from '../types.ts';
import { ARITHMETIC_CHECKS } from './arithmetic/index.ts';
import { STATS_CHECKS } from './stats/index.ts';
import { CONSISTENCY_CHECKS } from './consistency/index.ts';

export const ALL_CHECKS: readonly Check[] = [...ARITHMETIC_CHECKS, ...STATS_CHECKS, ...CONSISTENCY_CHECKS];
