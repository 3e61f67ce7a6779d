// Document-level consistency: the same quantity stated in two places with two values.
// Every check reads the one ledger of the paper's quantities (src/core/ledger).

import type { Check } from '../../types.ts';
import { checkBreakdowns } from './breakdowns.ts';
import { checkPerUnitMeans } from './per-unit-mean.ts';
import { checkSampleFlow } from './sample-flow.ts';

export const CONSISTENCY_CHECKS: readonly Check[] = [checkSampleFlow, checkBreakdowns, checkPerUnitMeans];
