# Source this file: it puts Node >= 22.12 first on PATH for the current shell.
# The machine's node is used when it is new enough; otherwise Node 22 is installed once from the npm
# registry (the platform package node-<os>-<arch>, which ships the official binary) into a cache
# directory outside the repository, and node-gyp's nodedir points at it so native builds match.
_cs_min_major=22
_cs_min_minor=12
_cs_node_ok() {
  command -v node >/dev/null 2>&1 || return 1
  node -e "const [a,b]=process.versions.node.split('.').map(Number);process.exit(a>${_cs_min_major}||(a===${_cs_min_major}&&b>=${_cs_min_minor})?0:1)" 2>/dev/null
}
if ! _cs_node_ok; then
  case "$(uname -s)" in Linux) _cs_os=linux ;; Darwin) _cs_os=darwin ;; *) _cs_os=unsupported ;; esac
  case "$(uname -m)" in x86_64|amd64) _cs_arch=x64 ;; aarch64|arm64) _cs_arch=arm64 ;; *) _cs_arch=unsupported ;; esac
  _cs_cache="${CONVSCOPE_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/convscope-node}"
  _cs_pkg="node-${_cs_os}-${_cs_arch}"
  _cs_bin="$_cs_cache/node_modules/$_cs_pkg/bin"
  if [ ! -x "$_cs_bin/node" ]; then
    echo "node-env: installing Node ${_cs_min_major} ($_cs_pkg) into $_cs_cache" >&2
    mkdir -p "$_cs_cache"
    npm install --silent --no-audit --no-fund --no-save --prefix "$_cs_cache" "$_cs_pkg@^${_cs_min_major}.${_cs_min_minor}" >&2 \
      || echo "node-env: could not install $_cs_pkg from the npm registry" >&2
  fi
  if [ -x "$_cs_bin/node" ]; then
    export PATH="$_cs_bin:$PATH"
    # node-gyp builds against these headers instead of downloading them.
    export npm_config_nodedir="$_cs_cache/node_modules/$_cs_pkg"
  fi
  unset _cs_os _cs_arch _cs_cache _cs_pkg _cs_bin
fi
if ! _cs_node_ok; then
  echo "node-env: Node >= ${_cs_min_major}.${_cs_min_minor} is required but was not found" >&2
fi
unset -f _cs_node_ok
unset _cs_min_major _cs_min_minor
