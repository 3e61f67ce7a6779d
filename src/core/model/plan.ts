// What a review would send, where, and roughly what it would cost: for the consent prompt, before
// any request is made.

import type { PaperText } from '../types.ts';
import { cacheHas, cacheKey } from './cache.ts';
import { checkBaseURL, baseURLOf, configWarnings, DEFAULT_MAX_SECTION_CHARS, DEFAULT_MAX_SECTIONS, DEFAULT_MODEL, hostOf, MAX_SELF_CONSISTENCY, type ModelConfig } from './config.ts';
import { buildMessages, PROMPT_OVERHEAD_CHARS, PROMPT_VERSION, sectionData } from './prompt.ts';
import { buildSections } from './sections.ts';

export interface PlannedSection {
  title: string;
  /** Paper characters sent for this section (the section and its context). */
  chars: number;
  /** Rough input tokens of one request (chars / 4, prompt included). */
  estTokens: number;
  /** Every run of this section is in the cache: reviewing it costs no request. */
  cached: boolean;
}

export interface ReviewPlan {
  sections: PlannedSection[];
  /** Where the paper would go, e.g. "api.openai.com". */
  host: string;
  model: string;
  /** Paper characters sent in all (context is sent again with each section that needs it). */
  totalChars: number;
  /** Rough input tokens over all requests (self-consistency runs included, cached ones excluded). */
  estTokens: number;
  /** Requests the review would make (cached sections excluded). */
  requests: number;
  /** Only when the config gives prices; assumes ~1,000 output (and reasoning) tokens a request. */
  estCostUsd?: number;
  /** E.g. the key would travel over plain HTTP. */
  warnings: string[];
}

const EST_OUTPUT_TOKENS = 1000;

export function planReview(paper: PaperText, config: Omit<ModelConfig, 'apiKey'> & { apiKey?: string }): ReviewPlan {
  const runs = Math.max(1, Math.min(MAX_SELF_CONSISTENCY, Math.floor(config.selfConsistency ?? 1)));
  const host = hostOf(config);
  const model = config.model || DEFAULT_MODEL;
  const warnings = configWarnings(config);
  const bad = checkBaseURL(baseURLOf(config));
  if (bad) warnings.push(bad);
  let built = buildSections(paper, config.maxSectionChars ?? DEFAULT_MAX_SECTION_CHARS);
  const max = config.maxSections ?? DEFAULT_MAX_SECTIONS;
  if (built.length > max) {
    warnings.push(`Only the first ${max} of ${built.length} sections would be reviewed.`);
    built = built.slice(0, max);
  }
  let totalChars = 0;
  let estTokens = 0;
  let requests = 0;
  const sections = built.map((s) => {
    const chars = sectionData(s).length;
    const tokens = Math.ceil((chars + PROMPT_OVERHEAD_CHARS) / 4);
    let cachedRuns = 0;
    for (let r = 0; r < runs; r++) {
      const hit = (['json_schema', 'json_object', 'text'] as const).some((mode) =>
        cacheHas(config.cacheDir, cacheKey({ promptVersion: PROMPT_VERSION, model, host, reasoningEffort: config.reasoningEffort, mode, messages: buildMessages(s, mode), run: r })),
      );
      if (hit) cachedRuns++;
    }
    totalChars += chars;
    estTokens += tokens * (runs - cachedRuns);
    requests += runs - cachedRuns;
    return { title: s.title, chars, estTokens: tokens, cached: cachedRuns === runs };
  });
  const plan: ReviewPlan = { sections, host, model, totalChars, estTokens, requests, warnings };
  const price = config.priceUsdPerMillionTokens;
  if (price) plan.estCostUsd = Math.round(((estTokens * price.input + requests * EST_OUTPUT_TOKENS * price.output) / 1e6) * 10000) / 10000;
  return plan;
}
