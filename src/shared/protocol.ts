// The custom messages between the Tally extension (client) and its language server, declared
// once. Both sides import these descriptors; the helpers in src/client/rpc.ts and
// src/server/rpc.ts give them types. Plain objects rather than vscode-jsonrpc RequestType
// classes because the client and the server bundle different vscode-jsonrpc versions.

import type { ModelSettings } from '../core/model/config.ts';
import type { ReviewPlan } from '../core/model/plan.ts';
import type { CheckNote, CheckResult, Finding, SourceRange } from '../core/types.ts';

export type { ModelSettings, ReviewPlan };

/** A request: a method name carrying its parameter and result types. */
export interface Request<P, R> {
  readonly method: string;
  /** Type carriers only; never set. */
  readonly _params?: P;
  readonly _result?: R;
}

/** A notification: a method name carrying its parameter type. */
export interface Notification<P> {
  readonly method: string;
  readonly _params?: P;
}

function request<P, R>(method: string): Request<P, R> {
  return { method };
}
function notification<P>(method: string): Notification<P> {
  return { method };
}

export type ReportFormat = 'markdown' | 'html' | 'json' | 'sarif';

/** Counts shown in the status bar and the report. */
export interface FindingCounts {
  error: number;
  warning: number;
  info: number;
  model: number;
}

// ---- PDF --------------------------------------------------------------------------------

export interface CheckPdfParams {
  /** file:// URI of the PDF. The server reads the file itself. */
  uri: string;
  /** Re-check even when the cached result is for the same bytes. */
  force?: boolean;
}

export interface CheckPdfResult {
  uri: string;
  findings: Finding[];
  verifiedCount: number;
  notes: CheckNote[];
  /** Milliseconds spent extracting and checking (0 when cached). */
  elapsedMs: number;
}

/** Check a PDF file; the server publishes diagnostics on its URI and returns the findings (with page and box). */
export const CheckPdfRequest = request<CheckPdfParams, CheckPdfResult>('tally/checkPdf');

// ---- Checking on demand ------------------------------------------------------------------

export interface CheckDocumentParams {
  uri: string;
}

export interface CheckDocumentResult {
  /** Root that was checked (a .tex file's project root, or the PDF). */
  rootUri: string;
  counts: FindingCounts;
  notes: CheckNote[];
}

/** Check a .tex or .pdf now, whatever `tally.check.when` says. */
export const CheckDocumentRequest = request<CheckDocumentParams, CheckDocumentResult>('tally/checkDocument');

export interface CheckFilesParams {
  uris: string[];
  /** Progress token for ProgressNotification. */
  token?: string;
}

export interface CheckFilesResult {
  /** Papers checked (a LaTeX paper with its compiled PDF counts once). */
  checked: number;
  /** Files that are not papers (fragments no root reads) or compiled PDFs skipped by the setting. */
  skipped?: string[];
  counts: FindingCounts;
  failed: { uri: string; message: string }[];
}

/** Check several files (Check Workspace). Cancellable; reports progress through CheckProgressNotification. */
export const CheckFilesRequest = request<CheckFilesParams, CheckFilesResult>('tally/checkFiles');

export interface ProgressParams {
  /** Which request this belongs to (chosen by the client). */
  token: string;
  message: string;
  /** 0..100 of the whole job, when known. */
  percent?: number;
}

export const ProgressNotification = notification<ProgressParams>('tally/progress');

// ---- Results and reports -----------------------------------------------------------------

export interface ResultsParams {
  /** Root or source URIs whose results to return; all known results when omitted or empty. */
  uris?: string[];
}

export interface ResultsResult {
  results: CheckResult[];
}

/** The current results (deterministic and model findings merged), for the report webview and the PDF viewer. */
export const ResultsRequest = request<ResultsParams, ResultsResult>('tally/results');

export interface ReportParams extends ResultsParams {
  format: ReportFormat;
  title?: string;
  /** HTML only: the report's body without the document around it (what the report webview shows). */
  bodyOnly?: boolean;
}

export interface ReportResult {
  text: string;
  /** Suggested file extension, with the dot. */
  extension: string;
}

/** Renders a report with the engine's renderReport. */
export const ReportRequest = request<ReportParams, ReportResult>('tally/report');

/** Sent when any result changes, so open report and PDF webviews can refresh. */
export const ResultsChangedNotification = notification<{ uris: string[] }>('tally/resultsChanged');

// ---- Ignore list -------------------------------------------------------------------------

export interface IgnoreIdParams {
  id: string;
  /** A file of the paper; the ignore file is the nearest .tally-ignore.json above the paper's root, else one is created beside the root. */
  uri: string;
  /** What the entry records, so the file says what was hidden (optional for older callers). */
  kind?: string;
  claim?: string;
  /** The sentence the claim stands in (the finding's quote). */
  sentence?: string;
  /** Where the finding was: its range (line for LaTeX, page for PDFs). */
  range?: SourceRange;
  /** Why, when the person hiding it said. */
  reason?: string;
}

/** Server-side command behind the quickfix.tally.ignoreId code action; answers with the ignore file it wrote (nothing when it failed). */
export const IGNORE_ID_COMMAND = 'tally.server.ignoreId';

export interface UnignoreIdParams {
  id: string;
  /** A file of the paper, as for IgnoreIdParams. */
  uri: string;
}

export interface UnignoreIdResult {
  /** Whether the ignore file listed the finding (it no longer does). */
  removed: boolean;
  file?: string;
}

/** Server-side command that takes a finding off the paper's ignore list again (Undo after a hide) and re-checks. */
export const UNIGNORE_ID_COMMAND = 'tally.server.unignoreId';

// ---- Model review ------------------------------------------------------------------------

export interface PlanReviewParams {
  uri: string;
  /** The `tally.model.*` settings after applying workspace trust (resolved by the client). */
  model: ModelSettings;
  /** Where cached model answers live (the extension's global storage). */
  cacheDir?: string;
}

/** What a model review would send where, for the consent prompt. Sends nothing. */
export const PlanReviewRequest = request<PlanReviewParams, ReviewPlan>('tally/planReview');

export interface ReviewParams {
  uri: string;
  model: ModelSettings;
  /** From SecretStorage; used for this request only, never stored or logged by the server. */
  apiKey: string;
  /** Progress token for ProgressNotification. */
  token: string;
  cacheDir?: string;
}

export interface ReviewResult {
  rootUri: string;
  findings: number;
  /** Of `findings`, those mathjs confirmed (errors); the rest are unconfirmed warnings. */
  confirmed?: number;
  /** Model findings not shown (quote not in the paper, ...). */
  dropped?: number;
  notes: CheckNote[];
  /** Sections whose review finished, of all; a cancelled review stops early. */
  sectionsReviewed?: number;
  sectionsTotal?: number;
  cancelled?: boolean;
  /** "12,345 input + 2,100 output tokens", from the server's `usage`. */
  usage?: string;
}

export const ReviewRequest = request<ReviewParams, ReviewResult>('tally/review');

/**
 * Stops the review with this progress token. Unlike cancelling the request, the review then answers
 * with what it found so far and how many sections it reviewed.
 */
export const CancelReviewNotification = notification<{ token: string }>('tally/cancelReview');

// ---- Links -------------------------------------------------------------------------------

/** Where each rule is explained; `code.href` of every diagnostic links to an anchor here. */

export { RULES_DOC_URL, ruleDocUrl } from '../core/rules.ts';

export const DIAGNOSTIC_SOURCE = 'Tally';
export const MODEL_DIAGNOSTIC_SOURCE = 'Tally (model)';
