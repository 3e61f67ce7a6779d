// Document-level consistency: the same quantity stated in two places with two values.
// Every check reads the one ledger of the paper's quantities (src/core/ledger).

import type { Rule } from '../../rules.ts';
import type { Check } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { checkBreakdowns } from './breakdowns.ts';
import { checkPerUnitMeans } from './per-unit-mean.ts';
import { checkSampleFlow } from './sample-flow.ts';

export const COUNT_CONSISTENCY_RULE = {
  id: 'count-consistency',
  title: 'Counts across the paper',
  description: 'A count of the same people or things disagrees with a count stated elsewhere: recruited minus excluded against the final sample, a breakdown against its total, a mean per participant against the total and the sample.',
  defaultSeverity: 'warning',
} as const satisfies Rule;

const sampleFlowModule: CheckModule = {
  name: 'sample-flow',
  title: 'Sample flow',
  description: 'Follows a sample through its section: the starting count less the exclusions told before the final sample must leave the final sample.',
  kinds: [COUNT_CONSISTENCY_RULE],
  shapes: [
    { name: 'recruited, excluded, final', example: 'fifty nurses enrolled; four nurses were dropped for missing logs; the analysed sample was 46 nurses' },
    { name: 'several exclusion reasons, one noun left unsaid', example: 'we removed 9 respondents for failed checks, and 3 (1%) that sped through; 188 respondents remained' },
  ],
  leavesAlone: [
    'A completion count with no exclusion told (56 enrolled, 55 completed): a later time point, not a contradiction.',
    'Exclusions told after the final sample (dropped from one analysis only).',
    'Counts in different sections or studies.',
  ],
  run: checkSampleFlow,
};

const breakdownModule: CheckModule = {
  name: 'breakdowns',
  title: 'Breakdown against its total',
  description: 'Adds a breakdown (women and men, subgroup sizes n = ...) and compares it with the total the paper states for the same sample, possibly in an earlier subsection.',
  kinds: [COUNT_CONSISTENCY_RULE],
  shapes: [
    { name: 'sex breakdown of the sample', example: 'sixty adults took part ... of whom 31 were women and 28 men' },
    { name: 'subgroup sizes against a total N stated earlier', example: 'total N = 900 entries ... weekdays (n = 640) and weekends (n = 250)' },
  ],
  leavesAlone: [
    'A breakdown that names a category it does not count (non-binary, not reported): it may fall short of the total.',
    'The breakdown of one group or condition rather than of the sample.',
    'Subgroup sizes far (over 10%) from the total: a selection, not a breakdown.',
  ],
  run: checkBreakdowns,
};

const perUnitMeanModule: CheckModule = {
  name: 'per-unit-mean',
  title: 'Mean per participant',
  description: 'Divides a stated total by the number of participants stated for the sample and compares it with the mean per participant given beside the total.',
  kinds: [COUNT_CONSISTENCY_RULE],
  shapes: [{ name: 'mean per participant with the total', example: 'about 25 diary entries per participant (M = 25.3, total N = 1,012) with 40 volunteers recruited' }],
  leavesAlone: ['A mean per participant with no total beside it.', 'Counts of participants told in another section.'],
  run: checkPerUnitMeans,
};

export const CONSISTENCY_MODULES: readonly CheckModule[] = [sampleFlowModule, breakdownModule, perUnitMeanModule];

export const CONSISTENCY_CHECKS: readonly Check[] = CONSISTENCY_MODULES.map((m) => m.run);
