// The packaged extension, as a user installs it: builds the .vsix (vsce, no node_modules inside),
// unpacks it, and runs the whole real-VS-Code suite against the unpacked copy. A file the bundles
// need but the .vscodeignore allowlist leaves out fails here, not on a user's machine.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { ROOT } from './lib/code-server.mjs';

const log = (s) => process.stdout.write(`[e2e:vsix] ${s}\n`);

function unzip(file, target) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry) => {
        const out = join(target, entry.fileName);
        if (!out.startsWith(target + '/')) return reject(new Error(`unsafe path in the package: ${entry.fileName}`));
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        mkdirSync(dirname(out), { recursive: true });
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          pipeline(stream, createWriteStream(out)).then(() => zip.readEntry(), reject);
        });
      });
      zip.readEntry();
    });
  });
}

const work = mkdtempSync(join(tmpdir(), 'tally-vsix-'));
try {
  const vsix = join(work, 'tally.vsix');
  const pack = spawnSync(process.execPath, [join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--out', vsix], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (pack.status !== 0) {
    log(`vsce package failed:\n${pack.stdout}\n${pack.stderr}`);
    process.stdout.write('0 passed, 1 failed\n');
    process.exit(1);
  }
  await unzip(vsix, join(work, 'unpacked'));
  log(`packaged and unpacked ${vsix}`);
  const suite = spawnSync(process.execPath, [join(ROOT, 'test/e2e/run-code-server.mjs')], {
    cwd: ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, TALLY_E2E_EXTENSION: join(work, 'unpacked/extension') },
  });
  process.exitCode = suite.status ?? 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
