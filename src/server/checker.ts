// Keeps the results of every checked paper, schedules checks (debounced while typing, one at a
// time per root), and publishes diagnostics per source file.

import type { Diagnostic } from 'vscode-languageserver/node';
import { mergeFindings } from '../core/model/merge.ts';
import type { CheckResult, Finding } from '../core/types.ts';
import type { FindingCounts } from '../shared/protocol.ts';
import { byFile, toDiagnostic } from './diagnostics.ts';
import { ignoreIdsFor } from './ignore.ts';
import { normalizeUri } from './papers.ts';
import { readPrefix, rootHint } from './roots.ts';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerSettings } from './settings.ts';
import { extensionOf } from './settings.ts';
import type { RunOptions } from './worker-client.ts';
import { CancelledError } from './worker-client.ts';
import type { CheckOutcome, JobOptions, LatexJob, PdfJob, ReviewOutcome, RootOutcome } from './worker-protocol.ts';
import type { Job, JobResult } from './worker-protocol.ts';

export interface CheckerHost {
  settings(): ServerSettings;
  /** Text of the open documents, keyed by URI as the client sent it. */
  openDocuments(): Iterable<{ uri: string; text: string }>;
  runJob(job: Job, options?: RunOptions): Promise<JobResult>;
  publish(uri: string, diagnostics: Diagnostic[]): void;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  workspaceFolderFor(uri: string): string | undefined;
  resultsChanged(uris: string[]): void;
  /** The check worker may drop what it keeps for this root. */
  forget(root: string): void;
}

interface RootState {
  kind: 'latex' | 'pdf';
  /** Bumped by every edit that schedules a check; a run's result is published only if it is still current. */
  generation: number;
  timer?: ReturnType<typeof setTimeout>;
  /** A run waiting behind the current one (requests coalesce into it). */
  queued?: Promise<CheckResult | undefined>;
  tail: Promise<unknown>;
  forcePdf?: boolean;
  /** When the first edit still waiting for a check came (the debounce's maximum wait counts from it). */
  waitingSince?: number;
  /** The scheduled run in progress, which a newer edit may cancel. */
  running?: AbortController;
  /** When diagnostics were last published for this root. */
  publishedAt?: number;
}

/** While the user keeps typing, a check still starts this long after the first unchecked edit. */
export const MAX_WAIT_MS = 750;

function filePathOf(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { error: 0, warning: 0, info: 0, model: 0 };
  for (const f of findings) {
    counts[f.severity]++;
    if (f.origin === 'model') counts.model++;
  }
  return counts;
}

export class Checker {
  private readonly host: CheckerHost;
  private readonly deterministic = new Map<string, CheckResult>();
  private readonly model = new Map<string, ReviewOutcome>();
  private readonly merged = new Map<string, CheckResult>();
  /** Root -> files it published diagnostics on. */
  private readonly published = new Map<string, Set<string>>();
  /** Normalised file URI -> the root whose check reads it. */
  private readonly rootOfFile = new Map<string, string>();
  /** Normalised file URI -> findings located in it (all roots). */
  private readonly findingsByFile = new Map<string, Finding[]>();
  private readonly roots = new Map<string, RootState>();
  /** Normalised file URI -> the root found by searching the folders around it (null: none). */
  private readonly nearby = new Map<string, string | null>();
  private readonly searches = new Map<string, Promise<string>>();
  /** Timings of the last runs, for tests and the log. */
  readonly timings: { root: string; elapsedMs: number; cached: boolean }[] = [];

  constructor(host: CheckerHost) {
    this.host = host;
  }

  // ---- which root ------------------------------------------------------------------------

  private openText(uri: string): string | undefined {
    const key = normalizeUri(uri);
    for (const d of this.host.openDocuments()) if (normalizeUri(d.uri) === key) return d.text;
    return undefined;
  }

  isCheckable(uri: string, languageId?: string): boolean {
    const types = this.host.settings().fileTypes;
    const ext = extensionOf(uri);
    if (types.includes(ext)) return true;
    return languageId === 'latex' && !ext && types.includes('.tex');
  }

  /** The root of `uri` as far as it is known without searching the disk (bounded work on the main thread). */
  rootFor(uri: string): string {
    return this.hint(uri).root;
  }

  private hint(uri: string): { root: string; final: boolean } {
    if (/\.pdf$/i.test(uri)) return { root: uri, final: true };
    const text = this.openText(uri) ?? readPrefix(uri);
    return rootHint(uri, text, (u) => this.rootOfFile.get(normalizeUri(u)), (u) => this.nearby.get(normalizeUri(u)));
  }

  /** The root of `uri`; a file nothing names a root for is looked for in the folders around it, by the worker. */
  rootOf(uri: string): Promise<string> {
    const hint = this.hint(uri);
    if (hint.final) return Promise.resolve(hint.root);
    const key = normalizeUri(uri);
    let search = this.searches.get(key);
    if (!search) {
      search = this.host
        .runJob({ type: 'root', uri, workspaceFolder: this.host.workspaceFolderFor(uri) })
        .then((r) => (r as RootOutcome).root, () => null)
        .then((root) => {
          this.nearby.set(key, root);
          this.searches.delete(key);
          return root ?? uri;
        });
      this.searches.set(key, search);
    }
    return search;
  }

  /** Every file's known root, by normalised URI (for Check Workspace's plan, made in the worker). */
  knownRoots(): Record<string, string> {
    return Object.fromEntries(this.rootOfFile);
  }

  /** Files were added or removed: roots found by searching around a file may have changed. */
  forgetSearches(): void {
    this.nearby.clear();
  }

  private state(root: string): RootState {
    let st = this.roots.get(root);
    if (!st) {
      st = { kind: /\.pdf$/i.test(root) ? 'pdf' : 'latex', generation: 0, tail: Promise.resolve() };
      this.roots.set(root, st);
    }
    return st;
  }

  // ---- scheduling -------------------------------------------------------------------------

  /**
   * Check the root of `uri` after `delayMs` of quiet; edits in between push it back, but never past
   * MAX_WAIT_MS after the first unchecked edit, so diagnostics keep coming during continuous typing.
   */
  schedule(uri: string, delayMs: number): void {
    const hint = this.hint(uri);
    if (hint.final) this.scheduleRoot(hint.root, delayMs);
    else void this.rootOf(uri).then((root) => this.scheduleRoot(root, delayMs));
  }

  private scheduleRoot(root: string, delayMs: number): void {
    const st = this.state(root);
    st.generation++;
    const now = Date.now();
    st.waitingSince ??= now;
    const due = Math.min(now + delayMs, st.waitingSince + MAX_WAIT_MS);
    if (st.timer) clearTimeout(st.timer);
    st.timer = setTimeout(() => {
      st.timer = undefined;
      st.waitingSince = undefined;
      this.supersede(st);
      this.request(root, undefined, true).catch((e: unknown) => this.reportFailure(root, e));
    }, Math.max(0, due - now));
  }

  /**
   * A newer edit cancels the scheduled check in progress, unless the paper's diagnostics are already
   * overdue: then it finishes, so checks longer than the maximum wait still publish while the user types.
   */
  private supersede(st: RootState): void {
    if (!st.running) return;
    const overdue = st.publishedAt === undefined || Date.now() - st.publishedAt >= MAX_WAIT_MS;
    if (!overdue) st.running.abort();
  }

  /** Any root that reads `uri` (for files changed on disk). */
  rootsReading(uri: string): string[] {
    const root = this.rootOfFile.get(normalizeUri(uri));
    return root ? [root] : [];
  }

  /** Check a root now (after any run in progress) and return its merged result. `supersedable`: a newer edit may cancel it. */
  request(root: string, signal?: AbortSignal, supersedable = false): Promise<CheckResult | undefined> {
    const st = this.state(root);
    if (st.queued && !signal) return st.queued;
    const run = st.tail.then(() => {
      if (st.queued === run) st.queued = undefined;
      if (!supersedable) return this.execute(root, st, signal);
      const controller = new AbortController();
      st.running = controller;
      return this.execute(root, st, controller.signal).finally(() => {
        if (st.running === controller) st.running = undefined;
      });
    });
    if (!signal) st.queued = run;
    st.tail = run.catch(() => undefined);
    return run;
  }

  async checkNow(uri: string, signal?: AbortSignal): Promise<CheckResult | undefined> {
    const root = await this.rootOf(uri);
    const st = this.state(root);
    if (st.timer) {
      clearTimeout(st.timer);
      st.timer = undefined;
    }
    return this.request(root, signal);
  }

  checkPdf(uri: string, force: boolean, signal?: AbortSignal): Promise<CheckResult | undefined> {
    const st = this.state(uri);
    if (force) st.forcePdf = true;
    st.generation++;
    return this.request(uri, signal);
  }

  private reportFailure(root: string, e: unknown): void {
    if (e instanceof CancelledError) return;
    this.host.log('error', `Checking ${root} failed: ${(e as Error)?.stack ?? String(e)}`);
  }

  jobOptions(root: string): JobOptions {
    const settings = this.host.settings();
    return { severities: settings.severities, ignoreIds: ignoreIdsFor(root, settings.ignore, (m) => this.host.log('warn', m)) };
  }

  /** The job that extracts a root (for checks, and for the model review). */
  paperJob(root: string): LatexJob | PdfJob {
    const settings = this.host.settings();
    const options = this.jobOptions(root);
    if (/\.pdf$/i.test(root)) return { type: 'pdf', uri: root, maxPages: settings.pdfMaxPages, timeoutMs: settings.pdfTimeoutMs, options };
    // The job carries only the open documents of this paper: its root and the files its last check read
    // (a file it reads for the first time comes from the disk, and execute() checks again with its text).
    const projectDir = this.projectDirOf(root);
    const rootKey = normalizeUri(root);
    const overlay: Record<string, string> = {};
    for (const d of this.host.openDocuments()) {
      const key = normalizeUri(d.uri);
      if (key === rootKey || this.rootOfFile.get(key) === root) overlay[key] = d.text;
    }
    const rootText = overlay[rootKey];
    return { type: 'latex', rootUri: root, rootText, overlay, projectDir, options };
  }

  /** The folder a paper may read files from: its workspace folder, or the root's own folder. */
  projectDirOf(root: string): string | undefined {
    const folder = this.host.workspaceFolderFor(root);
    const path = filePathOf(folder ?? root);
    return path && (folder ? path : dirname(path));
  }

  private async execute(root: string, st: RootState, signal?: AbortSignal): Promise<CheckResult | undefined> {
    const job = this.paperJob(root);
    if (job.type === 'pdf' && st.forcePdf) {
      job.force = true;
      st.forcePdf = false;
    }
    const outcome = (await this.host.runJob(job, { signal })) as CheckOutcome;
    this.timings.push({ root, elapsedMs: Math.round(outcome.elapsedMs), cached: outcome.cached });
    if (this.timings.length > 100) this.timings.shift();
    if (!outcome.cached) this.host.log('info', `Checked ${root} in ${Math.round(outcome.elapsedMs)} ms: ${outcome.result.findings.length} finding(s), ${outcome.result.verified.length} consistent claim(s)`);
    for (const note of outcome.result.notes) if (!outcome.cached && note.level !== 'info') this.host.log('warn', `${note.uri ?? root}: ${note.message}`);
    // Edits since this run started are published anyway: during continuous typing the next run is
    // always pending, and holding results back until typing stops left the user with none at all.
    this.store(root, outcome.result);
    st.publishedAt = Date.now();
    // An open document the paper read from the disk (it was not known to be part of the paper): check
    // again with the editor's text. The next job carries it, so this happens once.
    if (job.type === 'latex' && outcome.result.files.some((f) => !Object.hasOwn(job.overlay, normalizeUri(f)) && this.openText(f) !== undefined)) {
      this.request(root).catch((e: unknown) => this.reportFailure(root, e));
    }
    return this.merged.get(root);
  }

  /**
   * A document was closed: when no open document belongs to its paper any more, the paper's results,
   * diagnostics and the worker's cache for it are dropped, so memory returns to what it was.
   */
  closed(uri: string): void {
    const key = normalizeUri(uri);
    const root = this.rootOfFile.get(key) ?? (this.roots.has(uri) ? uri : undefined);
    if (!root) return;
    for (const d of this.host.openDocuments()) {
      const other = normalizeUri(d.uri);
      if (other === normalizeUri(root) || this.rootOfFile.get(other) === root) return;
    }
    const st = this.roots.get(root);
    if (st?.timer) clearTimeout(st.timer);
    st?.running?.abort();
    this.roots.delete(root);
    this.deterministic.delete(root);
    this.model.delete(root);
    this.merged.delete(root);
    for (const file of this.published.get(root) ?? []) {
      this.findingsByFile.delete(normalizeUri(file));
      this.host.publish(file, []);
    }
    this.published.delete(root);
    for (const [file, r] of this.rootOfFile) if (r === root) this.rootOfFile.delete(file);
    this.nearby.delete(key);
    this.host.forget(root);
    this.host.resultsChanged([root]);
  }

  // ---- results ----------------------------------------------------------------------------

  private store(root: string, result: CheckResult): void {
    this.deterministic.set(root, result);
    for (const file of result.files) this.rootOfFile.set(normalizeUri(file), root);
    this.rootOfFile.set(normalizeUri(root), root);
    this.remerge(root);
  }

  storeModel(root: string, outcome: ReviewOutcome): void {
    this.model.set(root, outcome);
    this.remerge(root);
  }

  private remerge(root: string): void {
    const base = this.deterministic.get(root);
    const model = this.model.get(root);
    if (!base && !model) return;
    const result: CheckResult = base
      ? { ...base, findings: [...base.findings] }
      : { uri: root, files: [root], findings: [], verified: [], notes: [], suppressedCount: 0 };
    if (model) {
      const ignore = new Set(this.jobOptions(root).ignoreIds);
      // A model finding where a deterministic one already is would be shown twice.
      result.findings = mergeFindings(result.findings, model.findings.filter((f) => !ignore.has(f.id)));
      result.notes = [...result.notes, ...model.notes];
      if (model.dropped?.length) result.notShown = [...(result.notShown ?? []), ...model.dropped];
      result.modelReview = model.review;
    }
    this.merged.set(root, result);
    this.publishRoot(root, result);
  }

  private publishRoot(root: string, result: CheckResult): void {
    const grouped = byFile(result.findings);
    const before = this.published.get(root) ?? new Set<string>();
    const now = new Set<string>([...grouped.keys()]);
    for (const file of result.files) now.add(file);
    now.add(root);
    for (const file of now) {
      const findings = grouped.get(file) ?? [];
      this.findingsByFile.set(normalizeUri(file), findings);
      this.host.publish(file, findings.map(toDiagnostic));
    }
    for (const file of before) {
      if (now.has(file)) continue;
      this.findingsByFile.delete(normalizeUri(file));
      this.host.publish(file, []);
    }
    this.published.set(root, now);
    this.host.resultsChanged([root, ...now]);
  }

  /** Re-publish every root (after the ignore list or severities changed). */
  recheckAll(): void {
    for (const root of this.deterministic.keys()) {
      const st = this.state(root);
      st.generation++;
      this.request(root).catch((e: unknown) => this.reportFailure(root, e));
    }
  }

  findingsIn(uri: string): Finding[] {
    return this.findingsByFile.get(normalizeUri(uri)) ?? [];
  }

  /** Merged results for the given roots or source files; all results when none are given. */
  results(uris?: readonly string[]): CheckResult[] {
    if (!uris?.length) return [...this.merged.values()];
    const roots = new Set<string>();
    for (const uri of uris) {
      const key = normalizeUri(uri);
      for (const root of this.merged.keys()) if (normalizeUri(root) === key) roots.add(root);
      const root = this.rootOfFile.get(key);
      if (root && this.merged.has(root)) roots.add(root);
    }
    return [...roots].map((r) => this.merged.get(r)!);
  }

  resultFor(root: string): CheckResult | undefined {
    return this.merged.get(root);
  }
}
