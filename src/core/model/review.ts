// Runs the model review over a paper: sections out, validated and recomputed findings back.
// Never throws for model or server failures: they become one-line notes, the findings so far are kept.

import type OpenAI from 'openai';
import { compareFindings, materialise, type CheckOptions } from '../engine.ts';
import type { CheckNote, Finding, PaperText, RawFinding } from '../types.ts';
import { cacheGet, cacheKey, cachePut } from './cache.ts';
import { createClient, describeFailure, rejectsResponseFormat, requestCompletion, type Failure } from './client.ts';
import {
  baseURLOf,
  checkBaseURL,
  DEFAULT_CONCURRENCY,
  DEFAULT_MAX_SECTION_CHARS,
  DEFAULT_MAX_SECTIONS,
  hostOf,
  MAX_SELF_CONSISTENCY,
  type ModelConfig,
} from './config.ts';
import { combineRuns, dedupeRaw, processFinding, type Dropped } from './findings.ts';
import { buildMessages, PROMPT_VERSION, type ResponseMode } from './prompt.ts';
import { oneLine, redactor } from './redact.ts';
import { parseContent, validateAnswer, type ModelFinding } from './schema.ts';
import { buildSections, type ReviewSection } from './sections.ts';

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
}

const NEXT_MODE: Record<ResponseMode, ResponseMode | undefined> = { json_schema: 'json_object', json_object: 'text', text: undefined };
const ALL_MODES: readonly ResponseMode[] = ['json_schema', 'json_object', 'text'];

/** A section whose answer could not be used; the review goes on with the others. */
class UnusableAnswer extends Error {}

export async function reviewPaper(paper: PaperText, config: ModelConfig | undefined, opts: ReviewOptions = {}): Promise<ReviewResult> {
  const result: ReviewResult = { findings: [], notes: [], requests: 0, cached: 0, dropped: [] };
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
  let sections = buildSections(paper, config.maxSectionChars ?? DEFAULT_MAX_SECTION_CHARS);
  const maxSections = config.maxSections ?? DEFAULT_MAX_SECTIONS;
  if (sections.length > maxSections) {
    note('warning', `the paper has ${sections.length} sections; only the first ${maxSections} were reviewed.`);
    sections = sections.slice(0, maxSections);
  }
  const total = sections.length;
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
        answer = await requestCompletion(client, config, messages, used, controller.signal);
      } catch (e) {
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
      log(`discarded an answer that is not valid JSON${finishReason === 'length' ? ' (cut off at the length limit)' : ''}: ${oneLine(content, 120)}`);
      return undefined;
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
        const p = processFinding(paper, m, prefer);
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

  const f = fatal as Failure | undefined;
  if (opts.signal?.aborted) note('info', `cancelled after ${finished} of ${total} sections; showing what was found so far.`);
  else if (f) note('warning', `stopped after ${finished} of ${total} sections: ${f.message}.`);
  if (unusable.length > 0) {
    note('warning', `${unusable.length} of ${total} section${total === 1 ? '' : 's'} skipped (${unusable[0].section}: ${unusable[0].message}${unusable.length > 1 ? '; ...' : ''}).`);
  }
  if (!opts.signal?.aborted && !f) {
    const confirmed = result.findings.filter((x) => x.confirmed).length;
    note(
      'info',
      `${host}, ${config.model}: ${total} section${total === 1 ? '' : 's'}, ${result.requests} request${result.requests === 1 ? '' : 's'}, ${result.cached} from the cache; ` +
        `${result.findings.length} finding${result.findings.length === 1 ? '' : 's'} (${confirmed} confirmed by recomputation), ${result.dropped.length} dropped.`,
    );
  }
}
