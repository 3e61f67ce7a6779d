// What a review would send, where, and roughly what it would cost: for the consent prompt, before
// any request is made. Also decides how the paper is sent: whole, when it fits the context budget,
// else section by section with a digest of the rest.

import type { PaperText } from '../types.ts';
import { cacheHas, cacheKey } from './cache.ts';
import {
  checkBaseURL,
  baseURLOf,
  configWarnings,
  DEFAULT_CONTEXT_BUDGET_TOKENS,
  DEFAULT_MAX_SECTION_CHARS,
  DEFAULT_MAX_SECTIONS,
  DEFAULT_MODEL,
  hostOf,
  MAX_SELF_CONSISTENCY,
  type ModelConfig,
} from './config.ts';
import { buildMessages, PROMPT_OVERHEAD_CHARS, PROMPT_VERSION, sectionData } from './prompt.ts';
import { buildSections, wholePaper, type ReviewSection } from './sections.ts';

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
  /** 'whole': the paper in one request; 'sections': section by section, each with a digest of the rest. */
  mode: 'whole' | 'sections';
  /** Input tokens one request may carry (the setting, or its default). */
  budgetTokens: number;
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
const CHARS_PER_TOKEN = 4;
// How a sectioned request shares the budget: the section to check, then the abstract, definitions and
// cited tables, then the digest of the rest (capped: it is sent again with every section).
const SECTION_SHARE = 0.4;
const CONTEXT_SHARE = 0.2;
const MAX_CONTEXT_CHARS = 12_000;
const MAX_DIGEST_CHARS = 24_000;

export function estimateTokens(chars: number): number {
  return Math.ceil((chars + PROMPT_OVERHEAD_CHARS) / CHARS_PER_TOKEN);
}

export interface SectionChoice {
  mode: 'whole' | 'sections';
  budgetTokens: number;
  sections: ReviewSection[];
  /** Sections beyond the limit that will not be reviewed. */
  skipped: number;
}

/** The paper whole when it fits the budget, else its sections, each with a digest sized to fit. */
export function chooseSections(paper: PaperText, config: Pick<ModelConfig, 'contextBudgetTokens' | 'maxSectionChars' | 'maxSections'>): SectionChoice {
  const budgetTokens = config.contextBudgetTokens ?? DEFAULT_CONTEXT_BUDGET_TOKENS;
  if (estimateTokens(paper.text.length) <= budgetTokens) return { mode: 'whole', budgetTokens, sections: wholePaper(paper), skipped: 0 };
  const budgetChars = budgetTokens * CHARS_PER_TOKEN - PROMPT_OVERHEAD_CHARS;
  const maxSectionChars = Math.min(config.maxSectionChars ?? DEFAULT_MAX_SECTION_CHARS, Math.max(1000, Math.floor(budgetChars * SECTION_SHARE)));
  const contextChars = Math.min(MAX_CONTEXT_CHARS, Math.floor(budgetChars * CONTEXT_SHARE));
  const maxDigestChars = Math.max(0, Math.min(MAX_DIGEST_CHARS, budgetChars - maxSectionChars - contextChars));
  const all = buildSections(paper, { maxSectionChars, maxDigestChars });
  const max = config.maxSections ?? DEFAULT_MAX_SECTIONS;
  return { mode: 'sections', budgetTokens, sections: all.slice(0, max), skipped: Math.max(0, all.length - max) };
}

export function planReview(paper: PaperText, config: Omit<ModelConfig, 'apiKey'> & { apiKey?: string }): ReviewPlan {
  const runs = Math.max(1, Math.min(MAX_SELF_CONSISTENCY, Math.floor(config.selfConsistency ?? 1)));
  const host = hostOf(config);
  const model = config.model || DEFAULT_MODEL;
  const warnings = configWarnings(config);
  const bad = checkBaseURL(baseURLOf(config));
  if (bad) warnings.push(bad);
  const choice = chooseSections(paper, config);
  if (choice.skipped > 0) warnings.push(`Only the first ${choice.sections.length} of ${choice.sections.length + choice.skipped} sections would be reviewed.`);
  let totalChars = 0;
  let estTokens = 0;
  let requests = 0;
  const sections = choice.sections.map((s) => {
    const chars = sectionData(s).length;
    const tokens = estimateTokens(chars);
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
  const plan: ReviewPlan = { mode: choice.mode, budgetTokens: choice.budgetTokens, sections, host, model, totalChars, estTokens, requests, warnings };
  const price = config.priceUsdPerMillionTokens;
  if (price) plan.estCostUsd = Math.round(((estTokens * price.input + requests * EST_OUTPUT_TOKENS * price.output) / 1e6) * 10000) / 10000;
  return plan;
}
