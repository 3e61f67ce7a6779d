// Generates the `tally.severity.<kind>` settings in package.json from RULES (src/core/rules.ts),
// so the settings schema cannot drift from the list of finding kinds.
// `node scripts/gen-settings.mjs` rewrites package.json; `--check` exits 1 when it is out of date.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RULES } from '../src/core/rules.ts';

export const SEVERITY_SECTION_ID = 'tally-severity';
const PACKAGE_JSON = fileURLToPath(new URL('../package.json', import.meta.url));

/** The configuration section holding one severity setting per finding kind. */
export function severitySection(rules = RULES) {
  const properties = {};
  rules.forEach((rule, order) => {
    properties[`tally.severity.${rule.id}`] = {
      type: 'string',
      enum: ['default', 'error', 'warning', 'info', 'off'],
      enumDescriptions: [
        `The check's own severity (usually ${rule.defaultSeverity}).`,
        'Show as an error.',
        'Show as a warning.',
        'Show as information.',
        'Do not run or show this kind of finding.',
      ],
      default: 'default',
      scope: 'resource',
      order,
      markdownDescription: `**${rule.title}** (\`${rule.id}\`): ${rule.description}`,
    };
  });
  return { id: SEVERITY_SECTION_ID, title: 'Severity of each check', properties };
}

/** package.json's configuration with the severity section replaced (other sections kept). */
export function withSeveritySection(pkg, rules = RULES) {
  const contributes = { ...(pkg.contributes ?? {}) };
  const existing = contributes.configuration;
  const sections = Array.isArray(existing) ? [...existing] : existing ? [existing] : [];
  const index = sections.findIndex((s) => s.id === SEVERITY_SECTION_ID);
  if (index >= 0) sections[index] = severitySection(rules);
  else sections.push(severitySection(rules));
  contributes.configuration = sections;
  return { ...pkg, contributes };
}

export function formatPackageJson(pkg) {
  return JSON.stringify(pkg, null, 2) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = readFileSync(PACKAGE_JSON, 'utf8');
  const next = formatPackageJson(withSeveritySection(JSON.parse(text)));
  if (process.argv.includes('--check')) {
    if (next !== text) {
      console.error('package.json: tally.severity.* settings are out of date with src/core/rules.ts; run node scripts/gen-settings.mjs');
      process.exit(1);
    }
  } else if (next !== text) {
    writeFileSync(PACKAGE_JSON, next);
    console.log('package.json: tally.severity.* settings regenerated');
  }
}
