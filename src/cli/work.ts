// What the CLI's pool sends to a check worker and gets back: one paper per message.

import type { CheckResult } from '../core/types.ts';

export type WorkItem =
  | { kind: 'latex'; file: string; projectDir: string; compiled?: string[] }
  | { kind: 'pdf'; file: string };

export interface WorkOptions {
  /** Time budget of one document (extraction, checks), in ms. */
  timeoutMs: number;
  maxPages?: number;
  model?: { baseUrl?: string; modelName?: string; timeoutSeconds?: string; verbose?: boolean };
}

export interface WorkRequest {
  id: number;
  item: WorkItem;
  options: WorkOptions;
}

export interface WorkDone {
  id: number;
  result: CheckResult;
  /** Nothing could be read (a broken or encrypted PDF): the one-line reason. */
  unreadable?: string;
}
