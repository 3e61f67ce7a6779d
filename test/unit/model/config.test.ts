import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_MODEL, modelConfigFromEnv, modelConfigFromSettings, OPENAI_DEFAULT_BASE_URL, untrustedSafeModelSettings, type ModelConfig } from '../../../src/core/model/index.ts';

const ok = (c: ModelConfig | { error: string }): ModelConfig => {
  assert.ok(!('error' in c), 'error' in c ? c.error : '');
  return c as ModelConfig;
};

test('key: TALLY_API_KEY, then OPENAI_API_KEY; none is an error', () => {
  assert.equal(ok(modelConfigFromEnv({ TALLY_API_KEY: 'k-tally', OPENAI_API_KEY: 'k-openai' })).apiKey, 'k-tally');
  assert.equal(ok(modelConfigFromEnv({ OPENAI_API_KEY: 'k-openai' })).apiKey, 'k-openai');
  assert.equal(ok(modelConfigFromEnv({ TALLY_API_KEY: '  ', OPENAI_API_KEY: 'k-openai' })).apiKey, 'k-openai');
  const none = modelConfigFromEnv({});
  assert.ok('error' in none && /TALLY_API_KEY/.test(none.error));
});

test('base URL: --base-url, then TALLY_BASE_URL, then OPENAI_BASE_URL, else OpenAI', () => {
  const env = { TALLY_API_KEY: 'k', TALLY_BASE_URL: 'http://tally.local/v1', OPENAI_BASE_URL: 'http://openai.local/v1' };
  assert.equal(ok(modelConfigFromEnv(env, { baseUrl: 'http://flag.local/v1' })).baseURL, 'http://flag.local/v1');
  assert.equal(ok(modelConfigFromEnv(env)).baseURL, 'http://tally.local/v1');
  assert.equal(ok(modelConfigFromEnv({ TALLY_API_KEY: 'k', OPENAI_BASE_URL: 'http://openai.local/v1' })).baseURL, 'http://openai.local/v1');
  assert.equal(ok(modelConfigFromEnv({ TALLY_API_KEY: 'k' })).baseURL, OPENAI_DEFAULT_BASE_URL);
});

test('model: --model-name, then TALLY_MODEL, else the default', () => {
  assert.equal(ok(modelConfigFromEnv({ TALLY_API_KEY: 'k', TALLY_MODEL: 'env-model' }, { modelName: 'flag-model' })).model, 'flag-model');
  assert.equal(ok(modelConfigFromEnv({ TALLY_API_KEY: 'k', TALLY_MODEL: 'env-model' })).model, 'env-model');
  assert.equal(ok(modelConfigFromEnv({ TALLY_API_KEY: 'k' })).model, DEFAULT_MODEL);
});

test('bad values are errors that never echo the key', () => {
  for (const flags of [{ baseUrl: 'file:///etc/passwd' }, { baseUrl: 'not a url' }, { baseUrl: 'https://user:pw@host/v1' }, { reasoningEffort: 'extreme' }, { selfConsistency: '9' }]) {
    const c = modelConfigFromEnv({ TALLY_API_KEY: 'sk-SECRET-123' }, flags);
    assert.ok('error' in c, JSON.stringify(flags));
    assert.ok(!c.error.includes('sk-SECRET-123'));
  }
  const c = ok(modelConfigFromEnv({ TALLY_API_KEY: 'k' }, { reasoningEffort: 'high', selfConsistency: '3', cacheDir: '.cache/tally' }));
  assert.equal(c.reasoningEffort, 'high');
  assert.equal(c.selfConsistency, 3);
  assert.equal(c.cacheDir, '.cache/tally');
});

test('untrusted workspace: workspace-level model settings are ignored', () => {
  const user = { baseUrl: 'https://api.openai.com/v1', model: 'user-model' };
  const workspace = { baseUrl: 'https://attacker.example/v1', model: 'ws-model', enabled: true };
  const untrusted = untrustedSafeModelSettings(workspace, user, false);
  assert.deepEqual(untrusted.settings, user);
  assert.ok(untrusted.ignored.some((i) => /baseUrl/.test(i) && /untrusted/.test(i)));
  assert.equal(untrusted.ignored.length, 3);

  const trusted = untrustedSafeModelSettings(workspace, user, true);
  assert.equal(trusted.settings.baseUrl, 'https://attacker.example/v1');
  assert.equal(trusted.settings.model, 'ws-model');
  assert.deepEqual(trusted.ignored, []);
});

test('settings never carry a key, and invalid values are dropped', () => {
  const r = untrustedSafeModelSettings({ apiKey: 'sk-from-repo', baseUrl: 'javascript:alert(1)', selfConsistency: 99 }, { reasoningEffort: 'medium', timeoutSeconds: -1 }, true);
  assert.deepEqual(r.settings, { reasoningEffort: 'medium' });
  assert.equal(r.ignored.length, 4);
  assert.ok(!JSON.stringify(r).includes('sk-from-repo'));
});

test('extension config from settings and the secret key', () => {
  const c = ok(modelConfigFromSettings({ baseUrl: 'http://localhost:11434/v1', model: 'llama', timeoutSeconds: 30 }, 'sk-x', { cacheDir: '/tmp/c' }));
  assert.deepEqual(c, { baseURL: 'http://localhost:11434/v1', apiKey: 'sk-x', model: 'llama', timeoutMs: 30000, cacheDir: '/tmp/c' });
  assert.ok('error' in modelConfigFromSettings({}, undefined));
  assert.ok('error' in modelConfigFromSettings({ enabled: false }, 'sk-x'));
});
