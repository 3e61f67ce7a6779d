// Runs every benchmark in this folder in turn (each prints its own table).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

for (const file of readdirSync(import.meta.dirname).filter((f) => f !== 'run.mjs' && /\.(mjs|ts)$/.test(f)).sort()) {
  console.log(`\n== bench/${file}`);
  const r = spawnSync(process.execPath, [`${import.meta.dirname}/${file}`], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}
