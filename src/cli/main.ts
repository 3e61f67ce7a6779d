// `tally check PATH... [--format text|jsonl|json|markdown|html|sarif] [--fail-on error|warning|never] [--jobs N]`
// Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 bad usage or unreadable input,
// 3 some paper was only partly checked (a time, memory, page or size budget cut it short).
// Only argument parsing is loaded up front: `tally --version` and `--help` start at once, and the
// checker, pdf.js and the model client are loaded when (and where) a paper needs them.

import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

declare const TALLY_VERSION: string | undefined;
const VERSION = typeof TALLY_VERSION === 'string' ? TALLY_VERSION : '0.0.0-dev';

export const EXIT_PARTLY_CHECKED = 3;
const FORMATS = ['text', 'jsonl', 'json', 'markdown', 'html', 'sarif'];

const USAGE = `Usage: tally check PATH... [options]

Checks the math in LaTeX (.tex, or a project folder) and PDF papers. A folder's LaTeX papers
and its PDFs are all checked (a PDF compiled from a LaTeX root there is reported with it).

Options:
  --format F        text (default), jsonl (one line per paper), json, markdown, html or sarif (SARIF 2.1.0)
  --output FILE     write the report to FILE instead of standard output
  --fail-on LEVEL   exit 1 when a finding is at least: error (default), warning, or never
  --jobs N          papers checked at once (default: one per core)
  --model           also ask a reasoning model (reads TALLY_API_KEY or OPENAI_API_KEY,
                    OPENAI_BASE_URL); paper text is sent to that server
  --base-url URL    OpenAI-compatible endpoint for --model
  --model-name NAME model for --model
  --model-timeout S give up on a model request after S seconds, retries included (default 300)
  --verbose         also list the model findings that were dropped, and why
  --max-pages N     PDF page budget (default 1000)
  --timeout-ms N    time budget per paper (default 60000)
  --max-memory-mb N memory budget per paper (default 1024)
  --version, --help

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 bad usage or a paper
nothing could be read from, 3 a paper was only partly checked (a budget cut it short; see its notes).`;

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

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string', short: 'f', default: 'text' },
      output: { type: 'string', short: 'o' },
      'fail-on': { type: 'string', default: 'error' },
      jobs: { type: 'string', short: 'j' },
      model: { type: 'boolean', default: false },
      'base-url': { type: 'string' },
      'model-name': { type: 'string' },
      'model-timeout': { type: 'string' },
      verbose: { type: 'boolean', default: false },
      'max-pages': { type: 'string' },
      'timeout-ms': { type: 'string' },
      'max-memory-mb': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
  });
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
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
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format '${format}' (${FORMATS.join(', ')})`);
  const failOn = values['fail-on'];
  if (failOn !== 'error' && failOn !== 'warning' && failOn !== 'never') throw new UsageError(`unknown --fail-on '${failOn}' (error, warning, never)`);
  const options = {
    jobs: intOption(values.jobs, 'jobs') ?? availableParallelism(),
    maxPages: intOption(values['max-pages'], 'max-pages'),
    timeoutMs: intOption(values['timeout-ms'], 'timeout-ms') ?? 60_000,
    memoryMb: intOption(values['max-memory-mb'], 'max-memory-mb') ?? 1024,
    model: values.model ? { baseUrl: values['base-url'], modelName: values['model-name'], timeoutSeconds: values['model-timeout'], verbose: values.verbose } : undefined,
    // Next to this entry: dist/cli/worker.mjs in the bundle, src/cli/worker.ts when the sources run directly.
    workerUrl: new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.mjs', import.meta.url),
  };
  const { checkPapers } = await import('./run.ts');
  return checkPapers(paths, options, { format, failOn, output: values.output, version: VERSION });
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) fail(`${(e as Error).message}\n${USAGE.split('\n')[0]}`);
  if ((e as Error).name === 'InputError') fail((e as Error).message);
  fail(`unexpected error: ${(e as Error).message}`);
}
