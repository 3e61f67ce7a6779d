// The reasoning-model review: the model flags, mathjs verifies.
//
// Public API for the CLI, the language server and the extension; import it from this file (the other
// files are internals and may change):
//
//   // 1. Configuration
//   const config = modelConfigFromEnv(process.env, { baseUrl: flags['base-url'], modelName: flags['model-name'] });  // CLI
//   const { settings, ignored } = untrustedSafeModelSettings(workspaceValues, userValues, vscode.workspace.isTrusted); // extension
//   const config = modelConfigFromSettings(settings, await secrets.get('tally.model.apiKey'), { cacheDir: globalStorageUri.fsPath });
//   if ('error' in config) → tell the user; make no request.
//
//   // 2. Consent: what will be sent where (no request is made)
//   const plan = planReview(paper, config);   // mode ('whole' | 'sections'), sections, host, model, totalChars, estTokens, requests, estCostUsd?, warnings
//
//   // 3. Review (resolves even when the server fails: see result.notes)
//   const controller = new AbortController();
//   const review = await reviewPaper(paper, config, {
//     signal: controller.signal,                                   // cancel: resolves with what was found so far
//     onProgress: ({ section, index, total }) => show(`${index + 1}/${total}: ${section}`),  // index is 0-based
//     log: (line) => output.appendLine(line),                      // cache hits, fallbacks, every dropped finding
//     checkOptions: { ignoreIds, severities },                     // as for the deterministic checks
//     deterministic: { findings: check.findings, verified: check.verified }, // disagreements are shown, not resolved
//   });
//   // review: { findings (origin 'model'), notes (one line each, prefixed "Model review:"), requests, cached, dropped,
//   //           sectionsReviewed, sectionsTotal, mode, usage, costUsd? }
//   summariseReview(review)  // "9 findings, 6 confirmed, 2 unconfirmed, 1 dropped: the quote is not in the paper"
//   describeUsage(review)    // "12,345 input + 2,100 output tokens (1,800 reasoning), about $0.0123"
//   const all = mergeFindings(check.findings, review.findings);   // the same claim found twice is shown once
//
// Guarantees:
// - A paper that fits `contextBudgetTokens` is sent whole, in one request; a longer one section by
//   section, each with a digest of the numbers of the rest. Every part of the paper is in exactly one
//   section to check.
// - Paper text is sent as delimited, untrusted data; the model's answer is validated against a schema.
//   A finding is confirmed (its kind's severity) only when its quote is in the paper verbatim (no
//   elision), the number it calls wrong is printed in the quote, the expression's inputs are printed
//   near the quote or in its second quote, the locked mathjs gives the model's own corrected value and
//   not the printed one, the model was not unsure, and no deterministic check judges the same number
//   differently. Every other located finding is a 'model' warning saying why it is unconfirmed; an
//   unlocated quote, a quote with no number, or arithmetic that agrees with the paper is dropped (and
//   listed in `dropped`). Nothing the model returns is executed, fetched or used as a URL.
// - reviewPaper never throws for model or server failures (401, 429, timeouts, garbage, server down):
//   a one-line note says what went wrong, and the findings obtained so far are returned.
// - The API key never appears in notes, logs, findings or the cache.
// - A finding's `explanation` is model text: render it as text (escape it in HTML), never as markup or a link.
// - Redirects to another origin are refused; a request, retries included, is given up after `timeoutMs`.
// - With `cacheDir`, answers are cached by sha256(prompt version, model, host, section text + context):
//   re-running an unchanged paper makes no request.

export {
  DEFAULT_MODEL,
  OPENAI_DEFAULT_BASE_URL,
  checkBaseURL,
  configWarnings,
  hostOf,
  modelConfigFromEnv,
  modelConfigFromSettings,
  untrustedSafeModelSettings,
  type ModelConfig,
  type ModelFlags,
  type ModelSettings,
  type ReasoningEffort,
} from './config.ts';
export { mergeFindings, mergeFindingsDetailed, rangesOverlap } from './merge.ts';
export { chooseSections, estimateTokens, planReview, type PlannedSection, type ReviewPlan } from './plan.ts';
export type { DeterministicView, Dropped } from './findings.ts';
export { describeUsage, reviewPaper, summariseReview, type ReviewOptions, type ReviewProgress, type ReviewResult } from './review.ts';
export type { Usage } from './client.ts';
export { PROMPT_VERSION } from './prompt.ts';
export { FINDINGS_SCHEMA } from './schema.ts';
