// SARIF 2.1.0: what CI systems and code-scanning dashboards read.

import { PROJECT_URL, RULES, ruleDocUrl } from '../rules.ts';
import type { CheckNote, CheckResult, Finding, Severity, SourceRange } from '../types.ts';
import type { ReportOptions } from './options.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  snippet?: { text: string };
}

function region(range: SourceRange, snippet?: string): SarifRegion {
  const r: SarifRegion = {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
  if (snippet) r.snippet = { text: snippet };
  return r;
}

/** The source text a range covers, when the caller can read the file (LaTeX); PDFs quote the sentence. */
function snippetFor(f: Finding, options: ReportOptions): string {
  if (f.range.page === undefined && options.readSource) {
    const text = options.readSource(f.range.uri);
    if (text !== undefined) {
      const lines = text.split(/\r\n|\r|\n/);
      if (f.range.start.line === f.range.end.line) return (lines[f.range.start.line] ?? '').slice(f.range.start.character, f.range.end.character) || f.claim;
      const parts = lines.slice(f.range.start.line, f.range.end.line + 1);
      parts[0] = parts[0].slice(f.range.start.character);
      parts[parts.length - 1] = parts[parts.length - 1].slice(0, f.range.end.character);
      return parts.join('\n');
    }
  }
  return f.quote ?? f.claim;
}

function result(f: Finding, options: ReportOptions) {
  const ruleIndex = RULES.findIndex((r) => r.id === f.kind);
  const properties: Record<string, unknown> = { origin: f.origin, section: f.section, claim: f.claim, quote: f.quote };
  if (f.range.page !== undefined) properties.page = f.range.page;
  if (f.range.box) properties.box = f.range.box;
  for (const key of ['reported', 'recomputed', 'working', 'suggestion', 'explanation', 'confidence', 'confirmed'] as const) {
    if (f[key] !== undefined) properties[key] = f[key];
  }
  const out: Record<string, unknown> = {
    ruleId: f.kind,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: f.range.uri }, region: region(f.range, snippetFor(f, options)) } }],
    partialFingerprints: { 'tallyFindingId/v1': f.id },
    properties,
  };
  if (f.related.length) {
    out.relatedLocations = f.related.map((r, i) => ({
      id: i + 1,
      physicalLocation: { artifactLocation: { uri: r.uri }, region: region(r) },
      ...(r.message ? { message: { text: r.message } } : {}),
    }));
  }
  if (f.suggestion !== undefined && f.range.page === undefined) {
    out.fixes = [
      {
        description: { text: `Replace with the recomputed value ${f.suggestion}` },
        artifactChanges: [{ artifactLocation: { uri: f.range.uri }, replacements: [{ deletedRegion: region(f.range), insertedContent: { text: f.suggestion } }] }],
      },
    ];
  }
  return out;
}

function notification(n: CheckNote) {
  const out: Record<string, unknown> = { level: n.level === 'info' ? 'note' : n.level, message: { text: n.message } };
  if (n.range) out.locations = [{ physicalLocation: { artifactLocation: { uri: n.range.uri }, region: region(n.range) } }];
  else if (n.uri) out.locations = [{ physicalLocation: { artifactLocation: { uri: n.uri } } }];
  // A budget or limit cut the paper short here.
  if (n.partial) out.properties = { partial: true };
  return out;
}

export function renderSarif(results: readonly CheckResult[], options: ReportOptions = {}): string {
  const files = [...new Set(results.flatMap((r) => r.files))];
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Tally',
            version: options.toolVersion ?? '0.0.0',
            informationUri: PROJECT_URL,
            rules: RULES.map((r) => ({
              id: r.id,
              name: r.title.replace(/[^A-Za-z0-9]+/g, ''),
              shortDescription: { text: r.title },
              fullDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
              helpUri: ruleDocUrl(r.id),
            })),
          },
        },
        artifacts: files.map((uri) => ({ location: { uri } })),
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: results.flatMap((r) => r.notes).map(notification) }],
        results: results.flatMap((r) => r.findings.map((f) => result(f, options))),
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
