// Confidence intervals against their own point estimate: "1.8 (95% CI 0.1 to 3.5)",
// "OR = 1.5, 95% CI [1.2, 1.9]". An estimate outside its interval, or a lower bound above the
// upper one, cannot be right.


import type { CheckOutput, PaperText } from '../../types.ts';
import { numbersIn, sentencesOf } from './context.ts';
import { judgeInterval } from './interval-judge.ts';
import { judgeIntervalSe } from './interval-se.ts';
import { readIntervalClaims } from './interval-read.ts';
import { checkTableIntervals } from './interval-table.ts';
import type { CheckModule } from '../module.ts';
import { CI_SE_RULE } from '../stats/estimates.ts';

export function checkIntervals(paper: PaperText): CheckOutput {
  const out: CheckOutput = { findings: [], verified: [] };
  const text = paper.text;
  for (const s of sentencesOf(paper).sentences) {
    // A bound in brackets can look like a reference number ("[25; 45.3]"): the reader wants brackets.
    const nums = numbersIn(text, s).filter((n) => !n.noise || n.noise === 'citation');
    for (const claim of readIntervalClaims(text, s, nums)) {
      judgeInterval(paper, claim, out);
      if (claim.se) judgeIntervalSe(paper, claim, claim.se, s, out);
    }
  }
  const tables = checkTableIntervals(paper);
  out.findings.push(...tables.findings);
  out.verified.push(...tables.verified);
  return out;
}

export const INTERVAL_RULE = { id: 'interval', title: 'Confidence interval', description: 'A point estimate lies outside its own interval, or the lower bound is above the upper.', defaultSeverity: 'error' } as const;

export const intervalCheck: CheckModule = {
  name: 'interval',
  title: 'Estimate and its interval',
  description: 'Checks that an estimate lies inside its own interval, that the bounds are in order, and that the interval is as wide as the standard error printed with it makes it.',
  kinds: [INTERVAL_RULE, CI_SE_RULE],
  shapes: [
    { name: 'estimate with CI', example: '2.4 (95% CI 1.1 to 3.9)' },
    { name: 'bracketed bounds', example: 'OR = 0.8, 95% CI [0.6, 1.1]' },
    { name: 'words between estimate and interval', example: 'about 7 days, with a 95% CI (5.2, 8.9)' },
    { name: 'spread read past', example: 'g = 0.14, SE = 0.08, 95% CI = [-0.02; 0.30]' },
    { name: 'decimal commas', example: 'OR 2,45; 95% CI 1,32-4,51' },
    { name: 'named estimate, bare brackets', example: 'g = 0.84 [0.71, 0.97]' },
    { name: 'ratio with bounds, no CI word', example: 'HR 0.64 (0.47-0.88), or RR 1.2; 1.0-1.4' },
    { name: 'AUC or a test rate with bounds', example: 'AUC of 0.88 [0.84-0.91]; specificity 92.5% (89.9-94.6%)' },
    { name: 'interval and its SE', example: '3.4 kg (95% CI 2.0 to 4.8; SE 0.71): 1.96 × 0.71 ≈ 1.4; 90% uses 1.645, t with n − 1 or k − 1 df' },
    { name: 'table CI column', example: 'HR | 95% CI rows: 1.45 | 1.12, 1.87' },
    { name: 'table cell with both', example: 'OR (95% CI) column: 1.6 (1.1, 2.3)' },
    { name: 'table Lower/Upper columns', example: 'Estimate | Lower | Upper: 0.39 | 0.21 | 0.57' },
    { name: 'table CI row under the estimate', example: 'coefficient row, (SE) row, [lo, hi] row' },
  ],
  leavesAlone: [
    'An interval printed for another quantity than the estimate beside it (a CI of a difference next to a group mean).',
    'A coefficient whose exponent lies in the interval (a log-odds beside an odds-ratio CI), unless it is named as a ratio.',
    'A confidence level with a word or two before its marker (a 90% bootstrap CI): it is not the estimate.',
    'A bare bracket after an unnamed number, or one holding only whole numbers (it may be a reference).',
    'A bracketed pair after a number that is not named as a ratio, an AUC or a rate of a test: it may be a range or quartiles.',
    'Whether an interval is symmetric around its estimate: bootstrap, Wilson and t intervals need not be.',
    'The width of a ratio\'s interval, or of one not centred on its estimate, against an SE (it is symmetric on another scale).',
    'An interval wider than 1.96 SE but within t with 3 df when no n, k or df is given (a small sample may explain it).',
  ],
  run: checkIntervals,
};
