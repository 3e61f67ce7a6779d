// `tally check --model`: the reasoning-model review on the command line. A model failure prints
// one line on stderr; the exit code still reflects the deterministic findings.

import { join } from 'node:path';
import { mergeFindings, modelConfigFromEnv, reviewPaper } from '../core/model/index.ts';
import type { CheckResult, PaperText } from '../core/types.ts';

export async function reviewWithModel(paper: PaperText, result: CheckResult, ignoreIds: string[], flags: { baseUrl?: string; modelName?: string }): Promise<void> {
  const config = modelConfigFromEnv(process.env, { baseUrl: flags.baseUrl, modelName: flags.modelName });
  if ('error' in config) {
    process.stderr.write(`tally: model review skipped: ${config.error}\n`);
    return;
  }
  const review = await reviewPaper(paper, { ...config, cacheDir: config.cacheDir ?? join(process.cwd(), '.cache', 'tally') }, {
    checkOptions: { ignoreIds },
    onProgress: (p) => process.stderr.write(`tally: model review ${p.index + 1}/${p.total}: ${p.section || 'front matter'}\n`),
  });
  for (const note of review.notes) {
    if (note.level !== 'info') process.stderr.write(`tally: ${note.message}\n`);
  }
  result.findings = mergeFindings(result.findings, review.findings);
}
