// `tally check --model`: the reasoning-model review on the command line. A model failure prints
// one line on stderr; the exit code still reflects the findings. After each paper, one line on
// stderr accounts for every model finding (confirmed, unconfirmed, dropped and why) and the tokens
// used; `--verbose` lists the dropped ones.

import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeUsage, mergeFindings, modelConfigFromEnv, reviewPaper, summariseReview } from '../core/model/index.ts';
import type { CheckResult, PaperText } from '../core/types.ts';

export interface ModelCliFlags {
  baseUrl?: string;
  modelName?: string;
  /** --model-timeout, in seconds. */
  timeoutSeconds?: string;
  verbose?: boolean;
}

function shortName(uri: string): string {
  try {
    return relative(process.cwd(), fileURLToPath(uri)) || uri;
  } catch {
    return uri;
  }
}

export async function reviewWithModel(paper: PaperText, result: CheckResult, ignoreIds: string[], flags: ModelCliFlags): Promise<void> {
  const config = modelConfigFromEnv(process.env, { baseUrl: flags.baseUrl, modelName: flags.modelName, timeoutSeconds: flags.timeoutSeconds });
  if ('error' in config) {
    process.stderr.write(`tally: model review skipped: ${config.error}\n`);
    return;
  }
  const review = await reviewPaper(paper, { ...config, cacheDir: config.cacheDir ?? join(process.cwd(), '.cache', 'tally') }, {
    checkOptions: { ignoreIds },
    deterministic: { findings: result.findings, verified: result.verified },
    onProgress: (p) => process.stderr.write(`tally: model review ${p.index + 1}/${p.total}: ${p.section || 'front matter'}\n`),
  });
  for (const note of review.notes) {
    if (note.level !== 'info') process.stderr.write(`tally: ${note.message}\n`);
  }
  // A review that got no answer at all has said why in its note; a summary of nothing adds noise.
  // One write for the summary and its list: in a CLI worker thread, stderr reaches the process through an
  // asynchronous pipe, and separate writes could be cut apart when the process exits.
  let summary = '';
  if (review.sectionsReviewed > 0) {
    const usage = review.requests > 0 ? `; ${describeUsage(review)}` : '';
    summary += `tally: model review of ${shortName(paper.uri)}: ${summariseReview(review)}${usage}\n`;
  }
  if (flags.verbose) for (const d of review.dropped) summary += `tally:   dropped (${d.reason})${d.quote ? `: "${d.quote}"` : ''}\n`;
  if (summary) process.stderr.write(summary);
  result.findings = mergeFindings(result.findings, review.findings);
  result.notShown = [...(result.notShown ?? []), ...review.dropped];
}
