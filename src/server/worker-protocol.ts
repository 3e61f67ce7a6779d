// Messages between the language server's main thread and its check worker. The worker does
// everything CPU-heavy (extraction, checks, the model review), so requests such as hover and
// code actions never wait behind a check of a long paper.

import type { CheckOptions } from '../core/engine.ts';
import type { CheckNote, CheckResult, Finding, ModelReviewRun, RawFinding } from '../core/types.ts';
import type { ModelSettings, ReviewPlan } from '../shared/protocol.ts';
import type { CompiledPdfs, WorkspacePlan } from './workspace-papers.ts';

export type JobOptions = Pick<CheckOptions, 'ignoreIds' | 'severities'>;

export interface LatexJob {
  type: 'latex';
  rootUri: string;
  /** Text of the root file when it is open; otherwise the worker reads it from the disk. */
  rootText?: string;
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

/** Which root reads a .tex file, found by searching the folders around it (file-system work). */
export interface RootJob {
  type: 'root';
  uri: string;
  workspaceFolder?: string;
}

/** Check Workspace's plan: the papers of the workspace folders (a walk of the folders). */
export interface WorkspaceJob {
  type: 'workspace';
  uris: string[];
  folders: string[];
  compiledPdfs: CompiledPdfs;
  /** Roots the server already knows, by normalised file URI. */
  knownRoots: Record<string, string>;
}

/** The worker's heap in use, after a garbage collection when the process allows one (--expose-gc). */
export interface MemoryJob {
  type: 'memory';
}

export type Job = LatexJob | PdfJob | PlanJob | ReviewJob | RootJob | WorkspaceJob | MemoryJob;

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

export interface RootOutcome {
  root: string | null;
}

export interface HeapUsed {
  heapUsed: number;
}

export type JobResult = CheckOutcome | ReviewPlan | ReviewOutcome | RootOutcome | WorkspacePlan | HeapUsed;

export type ToWorker =
  /** `cancelled` is shared memory the main thread sets to 1 to cancel: a synchronous check reads it between its steps. */
  | { kind: 'run'; id: number; job: Job; cancelled?: Int32Array }
  | { kind: 'cancel'; id: number }
  /** The root's documents were closed: drop what the worker keeps for it. */
  | { kind: 'forget'; root: string };

export type FromWorker =
  | { kind: 'done'; id: number; value: JobResult }
  | { kind: 'failed'; id: number; message: string; cancelled?: boolean }
  | { kind: 'progress'; id: number; message: string; percent?: number }
  | { kind: 'log'; level: 'info' | 'warn' | 'error'; message: string };

export type { RawFinding };
