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
//   const plan = planReview(paper, config);   // sections, host, model, totalChars, estTokens, requests, estCostUsd?, warnings
//
//   // 3. Review (resolves even when the server fails: see result.notes)
//   const controller = new AbortController();
//   const review = await reviewPaper(paper, config, {
//     signal: controller.signal,                                   // cancel: resolves with what was found so far
//     onProgress: ({ section, index, total }) => show(`${index + 1}/${total}: ${section}`),  // index is 0-based
//     log: (line) => output.appendLine(line),                      // cache hits, fallbacks, every dropped finding
//     checkOptions: { ignoreIds, severities },                     // as for the deterministic checks
//   });
//   // review: { findings (origin 'model'), notes (one line each, prefixed "Model review:"), requests, cached, dropped }
//   const all = mergeFindings(check.findings, review.findings);   // deterministic findings win on the same span
//
// Guarantees:
// - Paper text is sent as delimited, untrusted data; the model's answer is validated against a schema,
//   each finding must quote the paper verbatim (else dropped), and any arithmetic is recomputed by the
//   locked mathjs (`evaluateExpression`) only: confirmed → the matching kind and severity, contradicted
//   → dropped, not evaluable → kind 'model', severity 'warning', unconfirmed. Nothing the model returns
//   is executed, fetched or used as a URL.
// - reviewPaper never throws for model or server failures (401, 429, timeouts, garbage, server down):
//   a one-line note says what went wrong, and the findings obtained so far are returned.
// - The API key never appears in notes, logs, findings or the cache.
// - A finding is 'confirmed' only when mathjs recomputes it from numbers the paper prints; its
//   `explanation` is model text: render it as text (escape it in HTML), never as markup or a link.
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
export { planReview, type PlannedSection, type ReviewPlan } from './plan.ts';
export type { Dropped } from './findings.ts';
export { reviewPaper, type ReviewOptions, type ReviewProgress, type ReviewResult } from './review.ts';
export { PROMPT_VERSION } from './prompt.ts';
export { FINDINGS_SCHEMA } from './schema.ts';
