// Document-level consistency: the same quantity stated in two places with two values.
// Every check reads the one ledger of the paper's quantities (src/core/ledger).

import type { Rule } from '../../rules.ts';
import type { Check } from '../../types.ts';
import type { CheckModule } from '../module.ts';
import { checkBreakdowns } from './breakdowns.ts';
import { checkPerUnitMeans } from './per-unit-mean.ts';
import { checkRestatedParameters } from './parameters.ts';
import { checkSameCounts } from './same-count.ts';
import { checkSampleFlow } from './sample-flow.ts';
import { checkSummaryAgainstBody } from './summary.ts';
import { checkTableReferences } from './table-reference.ts';

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

const sameCountModule: CheckModule = {
  name: 'same-count',
  title: 'The same set counted twice',
  description: 'Compares counts that name a whole set (the 24 interviews, all 12 sites, 300 samples in total) across the sections of one study.',
  kinds: [COUNT_CONSISTENCY_RULE],
  shapes: [{ name: 'whole set restated', example: 'the 24 interviews were transcribed (Methods) ... all 26 interviews were coded (Results)' }],
  leavesAlone: [
    'Counts at a stage of a flow (recruited, excluded, completed, final): different time points, not a contradiction.',
    'Counts narrowed by what follows (the 12 interviews with managers) or by a group, condition or subset.',
    'Counts in different studies of one paper, and counts in tables and captions.',
  ],
  run: checkSameCounts,
};

const SUMMARY_RULE = {
  id: 'summary-consistency',
  title: 'Abstract vs body',
  description: 'A count, a value for a named table row and column, or the top of a range of ratios in the abstract, highlights or conclusion differs from what the body of the paper states.',
  defaultSeverity: 'warning',
} as const satisfies Rule;

const summaryModule: CheckModule = {
  name: 'summary-vs-body',
  title: 'Abstract and conclusion against the body',
  description: 'Compares the counts, named table values and ranges of ratios of the abstract, highlights and conclusion with the body of the paper.',
  kinds: [SUMMARY_RULE],
  shapes: [
    { name: 'sample count in the abstract', example: 'the abstract reports 212 respondents; the Methods give a final sample of 203 respondents' },
    { name: 'named method and metric from a table', example: 'the abstract gives RouteNet an F1 of 0.81; the results table lists 0.78 in that row and column' },
    { name: 'range of ratios', example: 'speed-ups of 2x to 9x in the abstract; no table or paragraph reports more than 6.5x' },
  ],
  leavesAlone: [
    'A count the body prints anywhere, or that a sum of the body\'s counts of the same noun gives.',
    'Papers with several studies or experiments (an abstract may add them up).',
    'Subsets, exclusions, bounds ("more than 200") and values that compare (a gain of 3 points).',
    'The low end of a range of ratios (the body may report only its better settings).',
  ],
  run: checkSummaryAgainstBody,
};

const TABLE_REFERENCE_RULE = {
  id: 'table-reference',
  title: 'Text vs cited table',
  description: 'The text cites a table and gives a value for a row and column it names, and the table holds another value there.',
  defaultSeverity: 'error',
} as const satisfies Rule;

const tableReferenceModule: CheckModule = {
  name: 'table-reference',
  title: 'Text against the cited table',
  description: 'Where a sentence cites a table (by number or by a reference) and names one of its row labels and one of its column labels, compares the value with that cell at the printed precision: an error. When only the paragraph cites the table, a warning.',
  kinds: [TABLE_REFERENCE_RULE],
  shapes: [{ name: 'cited row and column', example: 'as Table 2 shows, the Kalman filter reached an RMSE of 0.42 (the cell holds 0.24)' }],
  leavesAlone: [
    'Sentences that name a row but no column (or a column but no row).',
    'Numbers that compare (higher by, a gain of, than) rather than state the cell.',
    'Clauses that name two cells equally near the number: the pairing is not certain.',
  ],
  run: checkTableReferences,
};

const PARAMETER_RULE = {
  id: 'parameter-consistency',
  title: 'Restated parameter',
  description: 'A threshold or parameter defined in one place is restated with another value elsewhere.',
  defaultSeverity: 'warning',
} as const satisfies Rule;

const parameterModule: CheckModule = {
  name: 'restated-parameter',
  title: 'Restated threshold or parameter',
  description: 'Collects the values given for named thresholds and parameters (a significance level, a cut-off score, a learning rate, a batch size) and compares their restatements.',
  kinds: [PARAMETER_RULE],
  shapes: [{ name: 'threshold restated', example: 'a cut-off score of 10 in the Methods and a cut-off score of 12 in the Results' }],
  leavesAlone: [
    'Sentences that say several values are in play (respectively, varied, a grid, a sensitivity analysis).',
    'Values in different units.',
    'Single-word names (threshold, level) that papers reuse for different things.',
  ],
  run: checkRestatedParameters,
};

export const CONSISTENCY_MODULES: readonly CheckModule[] = [sampleFlowModule, breakdownModule, perUnitMeanModule, sameCountModule, summaryModule, tableReferenceModule, parameterModule];

export const CONSISTENCY_CHECKS: readonly Check[] = CONSISTENCY_MODULES.map((m) => m.run);
