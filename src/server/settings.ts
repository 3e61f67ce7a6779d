// The `tally.*` settings the server uses, read through workspace/configuration.

import { RULES } from '../core/rules.ts';
import type { FindingKind } from '../core/rules.ts';
import type { Severity } from '../core/types.ts';

export type CheckWhen = 'onType' | 'onSave' | 'manual';

export interface ServerSettings {
  checkWhen: CheckWhen;
  severities: Partial<Record<FindingKind, Severity | 'off'>>;
  ignore: string[];
  /** File extensions, lower case with the dot. */
  fileTypes: string[];
  pdfMaxPages: number;
  pdfTimeoutMs: number;
  /** Check Workspace: check a PDF compiled from a LaTeX paper in the workspace with that paper, or skip it. */
  compiledPdfs: 'withPaper' | 'skip';
}

export const DEFAULT_SETTINGS: ServerSettings = {
  checkWhen: 'onType',
  severities: {},
  ignore: [],
  fileTypes: ['.tex', '.pdf'],
  pdfMaxPages: 200,
  pdfTimeoutMs: 60000,
  compiledPdfs: 'withPaper',
};

const SEVERITY_VALUES = new Set(['error', 'warning', 'info', 'off']);

/** Turns the raw `tally` configuration section into settings, falling back to defaults for bad values. */
export function parseSettings(raw: unknown): ServerSettings {
  const section = (raw && typeof raw === 'object' ? raw : {}) as Record<string, any>;
  const when = section.check?.when;
  const severities: ServerSettings['severities'] = {};
  for (const rule of RULES) {
    const value = section.severity?.[rule.id];
    if (typeof value === 'string' && SEVERITY_VALUES.has(value)) severities[rule.id] = value as Severity | 'off';
  }
  const strings = (x: unknown): string[] | undefined => (Array.isArray(x) ? x.filter((s): s is string => typeof s === 'string') : undefined);
  const number = (x: unknown, fallback: number) => (typeof x === 'number' && Number.isFinite(x) && x > 0 ? x : fallback);
  const fileTypes = strings(section.fileTypes)?.map((t) => (t.startsWith('.') ? t : `.${t}`).toLowerCase());
  return {
    checkWhen: when === 'onSave' || when === 'manual' || when === 'onType' ? when : DEFAULT_SETTINGS.checkWhen,
    severities,
    ignore: strings(section.ignore) ?? [],
    fileTypes: fileTypes ?? DEFAULT_SETTINGS.fileTypes,
    pdfMaxPages: number(section.pdf?.maxPages, DEFAULT_SETTINGS.pdfMaxPages),
    pdfTimeoutMs: number(section.pdf?.timeoutMs, DEFAULT_SETTINGS.pdfTimeoutMs),
    compiledPdfs: section.workspace?.compiledPdfs === 'skip' ? 'skip' : 'withPaper',
  };
}

export function extensionOf(uri: string): string {
  const m = /(\.[^./\\?#]+)(?:[?#].*)?$/.exec(uri);
  return m ? m[1].toLowerCase() : '';
}
