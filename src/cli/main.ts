// `tally check PATH... [--format text|json|markdown|html|sarif] [--fail-on error|warning|never]`
// Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 bad usage or unreadable input.

import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkPaper } from '../core/engine.ts';
import { readFileUri } from '../core/files.ts';
import { readIgnoreList } from '../core/ignore-file.ts';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../core/report/index.ts';
import type { CheckResult } from '../core/types.ts';
import { InputError, papersFor } from './inputs.ts';
import { reviewWithModel } from './model.ts';
import { renderText } from './text-format.ts';

declare const TALLY_VERSION: string | undefined;
const VERSION = typeof TALLY_VERSION === 'string' ? TALLY_VERSION : '0.0.0-dev';

const USAGE = `Usage: tally check PATH... [options]

Checks the math in LaTeX (.tex, or a project folder) and PDF papers.

Options:
  --format F        text (default), json, markdown, html or sarif (SARIF 2.1.0)
  --output FILE     write the report to FILE instead of standard output
  --fail-on LEVEL   exit 1 when a finding is at least: error (default), warning, or never
  --model           also ask a reasoning model (reads TALLY_API_KEY or OPENAI_API_KEY,
                    OPENAI_BASE_URL); paper text is sent to that server
  --base-url URL    OpenAI-compatible endpoint for --model
  --model-name NAME model for --model
  --model-timeout S give up on a model request after S seconds, retries included (default 300)
  --verbose         also list the model findings that were dropped, and why
  --max-pages N     PDF page budget (default 1000)
  --timeout-ms N    PDF time budget per document (default 60000)
  --version, --help`;

class UsageError extends Error {}

function fail(message: string, code = 2): never {
  process.stderr.write(`tally: ${message}\n`);
  process.exit(code);
}

function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} takes a positive whole number`);
  return n;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      output: { type: 'string', short: 'o' },
      'fail-on': { type: 'string', default: 'error' },
      model: { type: 'boolean', default: false },
      'base-url': { type: 'string' },
      'model-name': { type: 'string' },
      'model-timeout': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      'max-pages': { type: 'string' },
      'timeout-ms': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (values.version) {
    process.stdout.write(VERSION + '\n');
    return 0;
  }
  const [command, ...paths] = positionals;
  if (command !== 'check') throw new UsageError(command ? `unknown command '${command}' (try: tally check PATH)` : 'no command (try: tally check PATH)');
  if (!paths.length) throw new UsageError('no PATH given (a .tex file, a .pdf file or a folder)');
  const format = values.format as string;
  if (format !== 'text' && !REPORT_FORMATS.includes(format as ReportFormat)) throw new UsageError(`unknown --format '${format}' (text, json, markdown, html, sarif)`);
  const failOn = values['fail-on'];
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'never') throw new UsageError(`unknown --fail-on '${failOn}' (error, warning, never)`);
  const pdfOptions = { maxPages: intOption(values['max-pages'], 'max-pages'), timeoutMs: intOption(values['timeout-ms'], 'timeout-ms') };

  const results: CheckResult[] = [];
  const unreadable: string[] = [];
  for (const path of paths) {
    const papers = await papersFor(path, pdfOptions);
    for (const paper of papers) {
      // Nothing could be read (an encrypted or broken PDF, say): unreadable input, exit 2.
      const fatal = paper.notes.find((n) => n.level === 'error');
      if (fatal && !paper.text.trim()) unreadable.push(fatal.message);
      const ignore = readIgnoreList(dirname(fileURLToPath(paper.uri)));
      const result = checkPaper(paper, { ignoreIds: ignore.ids });
      if (ignore.error) result.notes.push({ level: 'warning', message: ignore.error });
      if (values.model) {
        const flags = { baseUrl: values['base-url'], modelName: values['model-name'], timeoutSeconds: values['model-timeout'], verbose: values.verbose };
        await reviewWithModel(paper, result, ignore.ids, flags);
      }
      results.push(result);
    }
  }

  const output = format === 'text' ? renderText(results, process.cwd()) : renderReport(results, format as ReportFormat, { toolVersion: VERSION, readSource: readFileUri });
  if (values.output) writeFileSync(resolve(values.output), output);
  else process.stdout.write(output);

  for (const reason of unreadable) process.stderr.write(`tally: ${reason.replace(/\s+/g, ' ')}\n`);
  if (unreadable.length) return 2;
  const failing = results.flatMap((r) => r.findings).some((f) => (failOn === 'error' ? f.severity === 'error' : failOn === 'warning' ? f.severity !== 'info' : false));
  return failing ? 1 : 0;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) fail(`${(e as Error).message}\n${USAGE.split('\n')[0]}`);
  if (e instanceof InputError) fail((e as Error).message);
  fail(`unexpected error: ${(e as Error).message}`);
}
