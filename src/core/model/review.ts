// Runs the model review over a paper: sections out, validated and recomputed findings back.
// Never throws for model or server failures: they become one-line notes, the findings so far are kept.

import type OpenAI from 'openai';
import { compareFindings, materialise, type CheckOptions } from '../engine.ts';
import type { CheckNote, Finding, PaperText, RawFinding } from '../types.ts';
import { cacheGet, cacheKey, cachePut } from './cache.ts';
import { adaptToRejection, createClient, defaultQuirks, describeFailure, rejectsResponseFormat, requestCompletion, type Failure, type Usage } from './client.ts';
import { baseURLOf, checkBaseURL, DEFAULT_CONCURRENCY, hostOf, MAX_SELF_CONSISTENCY, type ModelConfig } from './config.ts';
import { combineRuns, dedupeRaw, processFinding, type DeterministicView, type Dropped } from './findings.ts';
import { chooseSections } from './plan.ts';
import { buildMessages, PROMPT_VERSION, type ResponseMode } from './prompt.ts';
import { oneLine, redactor } from './redact.ts';
import { parseContent, salvageFindings, validateAnswer, type ModelFinding } from './schema.ts';
import type { ReviewSection } from './sections.ts';

export interface ReviewProgress {
  /** Title of the section being reviewed. */
  section: string;
  /** 0-based position of that section (show `index + 1` of `total`). */
  index: number;
  total: number;
}

export interface ReviewOptions {
  /** Cancels the review: in-flight requests are aborted, the promise resolves with what was found. */
  signal?: AbortSignal;
  /** Called when a section's review starts. */
  onProgress?: (progress: ReviewProgress) => void;
  /** Diagnostic lines (cache hits, fallbacks, every dropped finding). Never contains the key. */
  log?: (line: string) => void;
  /** Ignore list and severities, applied as for deterministic findings. */
  checkOptions?: CheckOptions;
  /** The deterministic checks' findings and verified claims: a model finding they contradict is shown with the disagreement, never confirmed. */
  deterministic?: DeterministicView;
}

export interface ReviewResult {
  /** Located findings with origin 'model', sorted like the engine's. */
  findings: Finding[];
  /** One-line notes: what went wrong, what was skipped, a summary. */
  notes: CheckNote[];
  /** HTTP requests made (fallback retries included; the client's own retries not). */
  requests: number;
  /** Answers taken from the cache. */
  cached: number;
  /** Model findings that were not shown, and why. */
  dropped: Dropped[];
  /** Sections whose review finished, of all the review would have sent (1 of 1 for a whole-paper review). */
  sectionsReviewed: number;
  sectionsTotal: number;
  mode?: 'whole' | 'sections';
  /** Tokens the server reported in `usage` (cached answers excluded). */
  usage: Usage;
  /** From `usage` and the configured prices, when there are prices. */
  costUsd?: number;
}

/** "9 findings, 6 confirmed, 2 unconfirmed, 1 dropped: quote not in the paper" — for a one-line summary. */
export function summariseReview(r: Pick<ReviewResult, 'findings' | 'dropped'>): string {
  const confirmed = r.findings.filter((f) => f.confirmed).length;
  const total = r.findings.length + r.dropped.length;
  let line = `${total} finding${total === 1 ? '' : 's'}, ${confirmed} confirmed, ${r.findings.length - confirmed} unconfirmed, ${r.dropped.length} dropped`;
  if (r.dropped.length > 0) {
    const reasons = new Map<string, number>();
    for (const d of r.dropped) {
      const why = d.reason.replace(/\s*\(.*$/, '');
      reasons.set(why, (reasons.get(why) ?? 0) + 1);
    }
    line += ': ' + [...reasons].map(([why, n]) => (reasons.size > 1 ? `${n} ${why}` : why)).join(', ');
  }
  return line;
}

/** "12,345 input + 2,100 output tokens (1,800 reasoning), about $0.0123". */
export function describeUsage(r: Pick<ReviewResult, 'usage' | 'costUsd'>): string {
  const u = r.usage;
  let line = `${u.inputTokens.toLocaleString('en-US')} input + ${u.outputTokens.toLocaleString('en-US')} output tokens`;
  if (u.reasoningTokens) line += ` (${u.reasoningTokens.toLocaleString('en-US')} reasoning)`;
  if (r.costUsd !== undefined) line += `, about $${r.costUsd.toFixed(4)}`;
  return line;
}

const NEXT_MODE: Record<ResponseMode, ResponseMode | undefined> = { json_schema: 'json_object', json_object: 'text', text: undefined };
const ALL_MODES: readonly ResponseMode[] = ['json_schema', 'json_object', 'text'];

/** A section whose answer could not be used; the review goes on with the others. */
class UnusableAnswer extends Error {}

export async function reviewPaper(paper: PaperText, config: ModelConfig | undefined, opts: ReviewOptions = {}): Promise<ReviewResult> {
  const result: ReviewResult = { findings: [], notes: [], requests: 0, cached: 0, dropped: [], sectionsReviewed: 0, sectionsTotal: 0, usage: { inputTokens: 0, outputTokens: 0, reasoningTokens: 0 } };
  const apiKey = config?.apiKey?.trim() ?? '';
  const redact = redactor(apiKey);
  const log = (line: string) => {
    try {
      opts.log?.(redact(oneLine(line, 500)));
    } catch {
      // A failing logger must not fail the review.
    }
  };
  const note = (level: CheckNote['level'], message: string) => result.notes.push({ level, message: redact(oneLine(`Model review: ${message}`, 400)), uri: paper.uri });
  // A note carries the "Model review:" prefix once; callers print it as is.

  if (!config || !apiKey) {
    note('info', 'not configured (no API key), so only the deterministic checks ran.');
    return result;
  }
  try {
    await run(paper, config, opts, result, log, note, redact);
  } catch (e) {
    note('error', `stopped by an internal error: ${e instanceof Error ? e.message : String(e)}`);
  }
  // Model text (explanations, quotes) is shown to users: a server that echoes the key must not leak it there.
  result.findings = result.findings.map((f) => redactStrings(f, redact));
  result.dropped = result.dropped.map((d) => redactStrings(d, redact));
  return result;
}

function redactStrings<T extends object>(value: T, redact: (s: string) => string): T {
  const out = { ...value } as Record<string, unknown>;
  for (const [k, v] of Object.entries(out)) if (typeof v === 'string') out[k] = redact(v);
  return out as T;
}

async function run(
  paper: PaperText,
  config: ModelConfig,
  opts: ReviewOptions,
  result: ReviewResult,
  log: (line: string) => void,
  note: (level: CheckNote['level'], message: string) => void,
  redact: (s: string) => string,
): Promise<void> {
  const bad = checkBaseURL(baseURLOf(config));
  if (bad) {
    note('error', bad);
    return;
  }
  const host = hostOf(config);
  const runs = Math.max(1, Math.min(MAX_SELF_CONSISTENCY, Math.floor(config.selfConsistency ?? 1)));
  const choice = chooseSections(paper, config);
  const sections = choice.sections;
  result.mode = choice.mode;
  if (choice.skipped > 0) note('warning', `the paper has ${sections.length + choice.skipped} sections; only the first ${sections.length} were reviewed.`);
  const total = sections.length;
  result.sectionsTotal = total;
  if (total === 0) {
    note('info', 'the paper has no text to review.');
    return;
  }
  if (opts.signal?.aborted) {
    note('info', 'cancelled before it started.');
    return;
  }

  // One controller for the run: the user's cancel and a fatal failure both abort what is in flight.
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });

  let client: OpenAI | undefined;
  let mode: ResponseMode = 'json_schema'; // downgraded for this run if the server rejects it
  const quirks = defaultQuirks(); // optional parameters, adapted to what the server takes
  let fatal: Failure | undefined;
  const unusable: { section: string; message: string }[] = [];
  const raws: RawFinding[] = [];
  let started = 0;
  let finished = 0;

  const answerFor = async (section: ReviewSection, runIndex: number): Promise<ModelFinding[]> => {
    const keyFor = (m: ResponseMode) =>
      cacheKey({ promptVersion: PROMPT_VERSION, model: config.model, host, reasoningEffort: config.reasoningEffort, mode: m, messages: buildMessages(section, m), run: runIndex });
    // A cached answer in any mode will do: a run that fell back must not cost a failing request next time.
    for (const m of [mode, ...ALL_MODES.filter((x) => x !== mode)]) {
      const content = cacheGet(config.cacheDir, keyFor(m));
      if (content === undefined) continue;
      const valid = validated(content);
      if (valid) {
        result.cached++;
        log(`"${section.title}" run ${runIndex + 1}: answer from the cache`);
        return valid;
      }
    }
    for (;;) {
      if (controller.signal.aborted) throw controller.signal.reason ?? new Error('aborted');
      const used = mode;
      const messages = buildMessages(section, used);
      client ??= createClient(config);
      result.requests++;
      let answer;
      try {
        answer = await requestCompletion(client, config, messages, used, controller.signal, quirks);
      } catch (e) {
        const adapted = adaptToRejection(e, quirks);
        if (adapted) {
          log(`${host} ${adapted} for the rest of this run`);
          continue;
        }
        const next = NEXT_MODE[used];
        if (next && rejectsResponseFormat(e)) {
          if (mode === used) {
            mode = next;
            log(`${host} does not accept response_format ${used}; using ${next} for the rest of this run`);
          }
          continue;
        }
        throw e;
      }
      if (answer.usage) {
        result.usage.inputTokens += answer.usage.inputTokens;
        result.usage.outputTokens += answer.usage.outputTokens;
        result.usage.reasoningTokens += answer.usage.reasoningTokens;
      }
      if (answer.refusal) throw new UnusableAnswer(`the model refused: ${oneLine(answer.refusal, 120)}`);
      if (!answer.content.trim()) throw new UnusableAnswer(answer.finishReason === 'length' ? 'the answer was cut off (length limit)' : 'the answer was empty');
      const valid = validated(answer.content, answer.finishReason);
      if (!valid) throw new UnusableAnswer(answer.finishReason === 'length' ? 'the answer was cut off (length limit)' : 'the answer was not the JSON Tally asked for');
      const cacheError = cachePut(config.cacheDir, keyFor(used), { model: config.model, host, content: redact(answer.content) });
      if (cacheError) log(cacheError);
      return valid;
    }
  };

  // Parses and validates an answer; logs and returns undefined when it is unusable.
  const validated = (content: string, finishReason?: string | null): ModelFinding[] | undefined => {
    let parsed: unknown;
    try {
      parsed = parseContent(content);
    } catch {
      // An answer cut off at the length limit still holds the findings it completed.
      parsed = finishReason === 'length' ? salvageFindings(content) : undefined;
      if (parsed) log(`an answer was cut off at the length limit; kept the findings it completed`);
      else {
        log(`discarded an answer that is not valid JSON${finishReason === 'length' ? ' (cut off at the length limit)' : ''}: ${oneLine(content, 120)}`);
        return undefined;
      }
    }
    const v = validateAnswer(parsed);
    if (!v.ok) {
      log(`discarded an answer: ${v.reason}`);
      return undefined;
    }
    for (const r of v.rejected) {
      log(`discarded a finding: ${r.reason}${r.quote ? ` (quote: "${r.quote}")` : ''}`);
      result.dropped.push({ reason: r.reason, quote: r.quote });
    }
    return v.findings;
  };

  const reviewSection = async (section: ReviewSection): Promise<void> => {
    const prefer = [section, ...section.context];
    const perRun: RawFinding[][] = [];
    let failedRuns = 0;
    for (let r = 0; r < runs; r++) {
      let found: ModelFinding[];
      try {
        found = await answerFor(section, r);
      } catch (e) {
        // With several runs, one unusable answer is one run that found nothing; with all runs unusable the section is skipped.
        if (!(e instanceof UnusableAnswer) || ++failedRuns === runs) throw e;
        log(`"${section.title}" run ${r + 1}: ${e.message}`);
        perRun.push([]);
        continue;
      }
      const list: RawFinding[] = [];
      for (const m of found) {
        const p = processFinding(paper, m, { prefer, deterministic: opts.deterministic });
        if ('dropped' in p) {
          log(`dropped a finding in "${section.title}": ${p.dropped.reason}${p.dropped.quote ? ` (quote: "${p.dropped.quote}")` : ''}`);
          result.dropped.push(p.dropped);
        } else list.push(p.raw);
      }
      perRun.push(list);
    }
    raws.push(...combineRuns(perRun, runs));
  };

  const worker = async (): Promise<void> => {
    for (;;) {
      if (fatal || controller.signal.aborted || started >= total) return;
      const index = started++;
      const section = sections[index];
      try {
        opts.onProgress?.({ section: section.title, index, total });
      } catch {
        // Progress is best effort.
      }
      try {
        await reviewSection(section);
        finished++;
      } catch (e) {
        if (e instanceof UnusableAnswer) {
          finished++;
          unusable.push({ section: section.title, message: e.message });
          log(`skipped "${section.title}": ${e.message}`);
          continue;
        }
        if (opts.signal?.aborted || fatal) return; // cancelled, or already stopping for another reason
        const failure = describeFailure(e, config);
        if (!failure.fatal) {
          finished++;
          unusable.push({ section: section.title, message: failure.message });
          log(`skipped "${section.title}": ${failure.message}`);
          continue;
        }
        fatal = failure;
        log(`stopping: ${failure.message}`);
        controller.abort();
        return;
      }
    }
  };

  try {
    const concurrency = Math.max(1, Math.min(8, config.concurrency ?? DEFAULT_CONCURRENCY));
    await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  } finally {
    opts.signal?.removeEventListener('abort', onAbort);
  }

  const { findings } = materialise(paper, dedupeRaw(raws), opts.checkOptions);
  result.findings = findings.sort(compareFindings);
  result.sectionsReviewed = finished;
  const price = config.priceUsdPerMillionTokens;
  if (price) result.costUsd = (result.usage.inputTokens * price.input + result.usage.outputTokens * price.output) / 1e6;

  const f = fatal as Failure | undefined;
  if (opts.signal?.aborted) {
    note('info', `cancelled after ${finished} of ${total} section${total === 1 ? '' : 's'} (requests in flight were aborted); showing the ${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} found so far.`);
  }
  else if (f) note('warning', `stopped after ${finished} of ${total} sections: ${f.message}.`);
  if (unusable.length > 0) {
    note('warning', `${unusable.length} of ${total} section${total === 1 ? '' : 's'} skipped (${unusable[0].section}: ${unusable[0].message}${unusable.length > 1 ? '; ...' : ''}).`);
  }
  if (!opts.signal?.aborted && !f) {
    const how = choice.mode === 'whole' ? 'the whole paper in one request' : `${total} section${total === 1 ? '' : 's'} with a digest of the rest`;
    note(
      'info',
      `${host}, ${config.model}: ${how}, ${result.requests} request${result.requests === 1 ? '' : 's'}, ${result.cached} from the cache, ${describeUsage(result)}; ${summariseReview(result)}.`,
    );
  }
}
