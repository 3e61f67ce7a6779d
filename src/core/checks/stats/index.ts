// Statistical reporting checks: p-values from test statistics, GRIM, GRIMMER, DEBIT.

import type { Check } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { debitModule } from './debit.ts';
import { effectSizeCheck } from './effect-size.ts';
import { estimatesCheck } from './estimates.ts';
import { statPairsCheck } from './stat-pairs.ts';
import { grimCheck } from './grim.ts';
import { grimmerCheck } from './grimmer.ts';
import { pValueCheck } from './p-value.ts';
import { tFromMeansCheck } from './t-from-means.ts';
import { seFromSdCheck } from './se-from-sd.ts';
import { zProportionCheck } from './z-proportion.ts';

export const STATS_MODULES: readonly CheckModule[] = [pValueCheck, grimCheck, grimmerCheck, debitModule, estimatesCheck, statPairsCheck, effectSizeCheck, tFromMeansCheck, seFromSdCheck, zProportionCheck];

export const STATS_CHECKS: readonly Check[] = STATS_MODULES.map((m) => m.run);
