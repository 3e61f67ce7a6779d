// The end-to-end suite's entry, loaded by VS Code's extension host (code-server or
// @vscode/test-electron) through extensionTestsPath. run() returns a promise that settles when
// mocha is done: it resolves when every test passed and rejects otherwise, which VS Code turns
// into the exit code. Bundled by scripts/e2e/build-suite.mjs.
import Mocha from 'mocha';

export function createRunner(files: string[], load: (file: string) => void): () => Promise<void> {
  return async function run(): Promise<void> {
    const mocha = new Mocha({
      ui: 'bdd',
      color: false,
      timeout: Number(process.env.TALLY_E2E_TEST_TIMEOUT ?? 60_000),
      grep: process.env.TALLY_E2E_GREP_TEST || undefined,
    });
    // Put describe/it on globalThis, then evaluate the bundled test files.
    mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
    for (const file of files) {
      mocha.suite.emit('require', undefined, file, mocha);
      load(file);
    }
    return new Promise<void>((resolve, reject) => {
      try {
        const runner = mocha.run((failures) => {
          const passed = runner.stats?.passes ?? 0;
          const failed = runner.stats?.failures ?? failures;
          const pending = runner.stats?.pending ?? 0;
          console.log(`${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
          if (failures > 0) reject(new Error(`${failures} end-to-end tests failed`));
          else resolve();
        });
      } catch (err) {
        console.error(err);
        console.log('0 passed, 1 failed');
        reject(err);
      }
    });
  };
}
