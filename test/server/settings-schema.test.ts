// package.json's tally.severity.<kind> settings are generated from RULES (scripts/gen-settings.mjs);
// this fails when a kind is added, renamed or reworded without regenerating them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../src/core/rules.ts';
// @ts-expect-error: a plain .mjs script without type declarations
import { formatPackageJson, severitySection, withSeveritySection } from '../../scripts/gen-settings.mjs';
import { ROOT } from './harness.ts';

const text = readFileSync(join(ROOT, 'package.json'), 'utf8');
const pkg = JSON.parse(text);

test('package.json is what scripts/gen-settings.mjs generates (run it after changing RULES)', () => {
  assert.equal(formatPackageJson(withSeveritySection(pkg)), text);
});

test('one severity setting per rule, and nothing else under tally.severity', () => {
  const sections: { properties: Record<string, unknown> }[] = pkg.contributes.configuration;
  const keys = sections.flatMap((s) => Object.keys(s.properties)).filter((k) => k.startsWith('tally.severity.'));
  assert.deepEqual(keys.sort(), RULES.map((r) => `tally.severity.${r.id}`).sort());
  assert.deepEqual(Object.keys(severitySection().properties), RULES.map((r) => `tally.severity.${r.id}`));
});

test('the settings the server reads are declared', () => {
  const declared = new Set(pkg.contributes.configuration.flatMap((s: { properties: object }) => Object.keys(s.properties)));
  for (const key of ['tally.check.when', 'tally.ignore', 'tally.fileTypes', 'tally.pdf.maxPages', 'tally.pdf.timeoutMs', 'tally.model.enabled', 'tally.model.baseUrl', 'tally.model.name', 'tally.model.reasoningEffort']) {
    assert.ok(declared.has(key), key);
  }
  assert.equal(pkg.contributes.configuration[0].properties['tally.model.enabled'].default, false);
  assert.deepEqual(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.sort(), ['tally.model.baseUrl', 'tally.model.enabled', 'tally.model.name', 'tally.model.reasoningEffort']);
});

test('commands the end-to-end tests use by id are contributed', () => {
  const ids = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
  for (const id of ['tally.checkDocument', 'tally.checkWorkspace', 'tally.generateReport', 'tally.revealFinding', 'tally.setApiKey', 'tally.reviewWithModel']) assert.ok(ids.has(id), id);
  assert.equal(pkg.contributes.customEditors[0].viewType, 'tally.pdfViewer');
  assert.equal(pkg.contributes.customEditors[0].priority, 'default');
  assert.deepEqual(pkg.activationEvents, ['onLanguage:latex', 'onCustomEditor:tally.pdfViewer']);
});
