// The shape the model must answer in, as a JSON schema (sent to the server) and as a local
// validator (applied to every answer: the server's promise to follow the schema is not trusted).

import { RULES, type FindingKind } from '../rules.ts';

export const FINDING_KINDS: readonly FindingKind[] = RULES.map((r) => r.id);

/** One finding as the model reports it, after validation. */
export interface ModelFinding {
  /** Verbatim text from the paper containing the claim. */
  quote: string;
  /** Verbatim text from elsewhere in the paper that the claim contradicts or takes its inputs from. */
  secondQuote: string | null;
  kind: FindingKind;
  /** Why the numbers are inconsistent, in one or two sentences. */
  explanation: string;
  /** mathjs-syntax arithmetic with the paper's numbers that recomputes the reported value. */
  expression: string | null;
  /** The number as printed in the paper that the model believes is wrong. */
  reported: string | null;
  /** What the model believes it should be. */
  corrected: string | null;
  /** 0..1. */
  confidence: number;
}

export const LIMITS = { quote: 600, explanation: 1200, expression: 400, number: 60, findings: 40 } as const;

export const FINDINGS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['findings'],
  properties: {
    findings: {
      type: 'array',
      description: 'Numerical inconsistencies found; empty if there are none.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['quote', 'second_quote', 'kind', 'explanation', 'expression', 'reported', 'corrected', 'confidence'],
        properties: {
          quote: { type: 'string', description: 'Exact, verbatim text copied from the paper that contains the wrong number (one sentence or clause, at most 300 characters).' },
          second_quote: {
            type: ['string', 'null'],
            description:
              'Exact, verbatim text from another place in the paper (another section, a table, the abstract) that holds the numbers the quote contradicts or that the expression uses; null when they are all in or near the quote.',
          },
          kind: { type: 'string', enum: [...FINDING_KINDS], description: "The kind of inconsistency; 'model' if none of the others fits." },
          explanation: { type: 'string', description: 'One or two plain sentences: what does not add up.' },
          expression: {
            type: ['string', 'null'],
            description:
              'Arithmetic that computes the value the reported number should have (the same quantity, not a related one) from numbers printed in the paper, in mathjs syntax (e.g. "(12 + 30) / 120 * 100" or "7000 ng/kg/day * 60 kg"); null if it cannot be written as arithmetic.',
          },
          reported: { type: ['string', 'null'], description: 'The wrong number exactly as printed in the quote, e.g. "42,000" or "35%".' },
          corrected: { type: ['string', 'null'], description: 'The value it should be, at the same precision: the value of the expression, when there is one.' },
          confidence: { type: 'number', description: 'How sure you are, from 0 to 1.' },
        },
      },
    },
  },
} as const;

export type Validation = { ok: true; findings: ModelFinding[]; rejected: { reason: string; quote?: string }[] } | { ok: false; reason: string };

// Control characters (other than tab and newline) have no business in a finding shown to a user.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g;

function cleanString(v: string): string {
  return v.replace(CONTROL, '').trim();
}

function optionalString(item: Record<string, unknown>, key: string, max: number): string | null | { error: string } {
  const v = item[key];
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' && Number.isFinite(v) && key !== 'expression') return String(v);
  if (typeof v !== 'string') return { error: `${key} is not a string` };
  const s = cleanString(v);
  if (s.length > max) return { error: `${key} is too long` };
  return s === '' ? null : s;
}

function validateItem(raw: unknown): ModelFinding | { error: string; quote?: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: 'a finding is not an object' };
  const item = raw as Record<string, unknown>;
  const quote = typeof item.quote === 'string' ? cleanString(item.quote) : undefined;
  if (!quote) return { error: 'a finding has no quote' };
  if (quote.length > LIMITS.quote) return { error: 'quote is too long', quote: quote.slice(0, 80) };
  const q = quote.slice(0, 200);
  if (typeof item.kind !== 'string' || !(FINDING_KINDS as readonly string[]).includes(item.kind)) return { error: 'kind is not one of the known kinds', quote: q };
  if (typeof item.explanation !== 'string' || !cleanString(item.explanation)) return { error: 'explanation is missing', quote: q };
  const explanation = cleanString(item.explanation);
  if (explanation.length > LIMITS.explanation) return { error: 'explanation is too long', quote: q };
  const secondQuote = optionalString(item, 'second_quote', LIMITS.quote);
  const expression = optionalString(item, 'expression', LIMITS.expression);
  const reported = optionalString(item, 'reported', LIMITS.number);
  const corrected = optionalString(item, 'corrected', LIMITS.number);
  for (const v of [secondQuote, expression, reported, corrected]) if (v !== null && typeof v === 'object') return { error: v.error, quote: q };
  const confidence = item.confidence;
  if (typeof confidence !== 'number' || !Number.isFinite(confidence) || confidence < 0 || confidence > 1) return { error: 'confidence is not a number from 0 to 1', quote: q };
  return {
    quote,
    secondQuote: secondQuote as string | null,
    kind: item.kind as FindingKind,
    explanation,
    expression: expression as string | null,
    reported: reported as string | null,
    corrected: corrected as string | null,
    confidence,
  };
}

/**
 * Parses a message's content. Servers without structured output wrap the JSON in a ```json fence, in
 * prose, or after a <think> block: the fence, then the outermost {...}, is tried then. (What it yields
 * is validated like everything else.)
 */
export function parseContent(content: string): unknown {
  let text = content.replace(/<think>[\s\S]*?<\/think>/gi, '').trim();
  const fence = /```(?:json)?[ \t]*\n([\s\S]*?)\n?```/i.exec(text);
  if (fence) text = fence[1].trim();
  try {
    return JSON.parse(text);
  } catch (e) {
    const open = text.indexOf('{');
    const close = text.lastIndexOf('}');
    if (open >= 0 && close > open) return JSON.parse(text.slice(open, close + 1));
    throw e;
  }
}

/**
 * The complete findings of an answer cut off at the length limit: every {...} of the "findings" list
 * that closed before the cut. Undefined when there is none.
 */
export function salvageFindings(content: string): { findings: unknown[] } | undefined {
  const list = /"findings"\s*:\s*\[/.exec(content);
  if (!list) return undefined;
  const findings: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = list.index + list[0].length; i < content.length; i++) {
    const c = content[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' && depth++ === 0) start = i;
    else if (c === '}' && --depth === 0) {
      try {
        findings.push(JSON.parse(content.slice(start, i + 1)));
      } catch {
        // A malformed item: the items before it are still good.
      }
    } else if (c === ']' && depth === 0) break;
  }
  return findings.length > 0 ? { findings } : undefined;
}

/**
 * Validates a parsed answer. The top level must be { findings: [...] }; a finding that breaks the schema
 * is rejected on its own (with a reason), the valid ones are kept. Unknown properties are ignored.
 */
export function validateAnswer(value: unknown): Validation {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'the answer is not a JSON object' };
  const findings = (value as Record<string, unknown>).findings;
  if (!Array.isArray(findings)) return { ok: false, reason: 'the answer has no "findings" list' };
  const out: ModelFinding[] = [];
  const rejected: { reason: string; quote?: string }[] = [];
  for (const raw of findings.slice(0, LIMITS.findings)) {
    const v = validateItem(raw);
    if ('error' in v) rejected.push({ reason: `invalid finding: ${v.error}`, quote: v.quote });
    else out.push(v);
  }
  if (findings.length > LIMITS.findings) rejected.push({ reason: `more than ${LIMITS.findings} findings in one answer; the rest were ignored` });
  return { ok: true, findings: out, rejected };
}
