// Messages between the language server's main thread and its check worker. The worker does
// everything CPU-heavy (extraction, checks, the model review), so requests such as hover and
// code actions never wait behind a check of a long paper.

import type { CheckOptions } from '../core/engine.ts';
import type { CheckNote, CheckResult, Finding, ModelReviewRun, RawFinding } from '../core/types.ts';
import type { ModelSettings, ReviewPlan } from '../shared/protocol.ts';

export type JobOptions = Pick<CheckOptions, 'ignoreIds' | 'severities'>;

export interface LatexJob {
  type: 'latex';
  rootUri: string;
  /** Text of the root file (an open document's text, or read from disk by the main thread). */
  rootText: string;
  /** Text of the paper's open documents, which wins over what is on disk. */
  overlay: Record<string, string>;
  /** Files outside this folder (the workspace folder, or the root's own) are not read. */
  projectDir?: string;
  options: JobOptions;
}

export interface PdfJob {
  type: 'pdf';
  uri: string;
  maxPages: number;
  timeoutMs: number;
  options: JobOptions;
  force?: boolean;
}

export interface PlanJob {
  type: 'plan';
  paper: LatexJob | PdfJob;
  model: ModelSettings;
  cacheDir?: string;
}

export interface ReviewJob {
  type: 'review';
  paper: LatexJob | PdfJob;
  model: ModelSettings;
  apiKey: string;
  options: JobOptions;
  cacheDir?: string;
}

export type Job = LatexJob | PdfJob | PlanJob | ReviewJob;

export interface CheckOutcome {
  result: CheckResult;
  cached: boolean;
  elapsedMs: number;
}

export interface ReviewOutcome {
  rootUri: string;
  /** Model findings located in the sources (origin 'model'). */
  findings: Finding[];
  notes: CheckNote[];
  requests: number;
  cached: number;
  /** Model findings not shown, and why (the report's "not shown" section). */
  dropped?: { reason: string; quote?: string }[];
  sectionsReviewed?: number;
  sectionsTotal?: number;
  /** "12,345 input + 2,100 output tokens", when requests were made. */
  usage?: string;
  /** For the report: model, endpoint host, date, findings kept and dropped. */
  review?: ModelReviewRun;
}

export type JobResult = CheckOutcome | ReviewPlan | ReviewOutcome;

export type ToWorker = { kind: 'run'; id: number; job: Job } | { kind: 'cancel'; id: number };

export type FromWorker =
  | { kind: 'done'; id: number; value: JobResult }
  | { kind: 'failed'; id: number; message: string; cancelled?: boolean }
  | { kind: 'progress'; id: number; message: string; percent?: number }
  | { kind: 'log'; level: 'info' | 'warn' | 'error'; message: string };

export type { RawFinding };
