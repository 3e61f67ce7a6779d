// Adapter from the editor's model settings to the engine's model review (src/core/model).
// Runs in the check worker; the API key lives only in the job message of one request.

import { checkPaper } from '../core/engine.ts';
import { describeUsage, modelConfigFromSettings, planReview, reviewPaper } from '../core/model/index.ts';
import type { ReviewPlan } from '../core/model/index.ts';
import type { PaperText } from '../core/types.ts';
import type { PlanJob, ReviewJob, ReviewOutcome } from './worker-protocol.ts';

export interface ReviewHooks {
  signal: AbortSignal;
  onProgress: (message: string, percent?: number) => void;
  log: (message: string) => void;
}

export function planModelReview(paper: PaperText, job: PlanJob): ReviewPlan {
  // The plan needs no key; a placeholder gets past the "no key" check and is never sent.
  const config = modelConfigFromSettings({ ...job.model, enabled: true }, 'plan-only', { cacheDir: job.cacheDir });
  if ('error' in config) throw new Error(config.error);
  return planReview(paper, { ...config, apiKey: undefined });
}

export async function runModelReview(paper: PaperText, job: ReviewJob, hooks: ReviewHooks): Promise<ReviewOutcome> {
  const config = modelConfigFromSettings(job.model, job.apiKey, { cacheDir: job.cacheDir });
  if ('error' in config) throw new Error(config.error);
  // The deterministic verdicts, so a model finding they contradict is shown with the disagreement.
  const check = checkPaper(paper, job.options);
  const review = await reviewPaper(paper, config, {
    signal: hooks.signal,
    log: hooks.log,
    checkOptions: job.options,
    deterministic: { findings: check.findings, verified: check.verified },
    onProgress: (p) =>
      hooks.onProgress(p.total === 1 ? `${p.section || 'the paper'}` : `Section ${p.index + 1}/${p.total}: ${p.section || 'front matter'}`, (p.index / Math.max(1, p.total)) * 100),
  });
  const run = { model: config.model, host: endpointHost(config.baseURL), date: new Date().toISOString(), kept: review.findings.length, dropped: review.dropped.length };
  return {
    rootUri: paper.uri,
    findings: review.findings,
    notes: review.notes,
    requests: review.requests,
    cached: review.cached,
    review: run,
    dropped: review.dropped,
    sectionsReviewed: review.sectionsReviewed,
    sectionsTotal: review.sectionsTotal,
    usage: review.requests > 0 ? describeUsage(review) : undefined,
  };
}

function endpointHost(baseURL: string | undefined): string {
  try {
    return new URL(baseURL ?? 'https://api.openai.com/v1').host;
  } catch {
    return 'unknown';
  }
}
