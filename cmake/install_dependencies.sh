#!/usr/bin/env bash
# Installs the Debian packages asynclab needs, if any are missing. Quiet when nothing is.
# --docs-check adds chromium, for the docs' browser check alone (tests/docs/; CI passes it).
# Asks nothing when standard input is not a terminal. ASYNCLAB_SKIP_INSTALL=1 skips the check,
# for systems that have the same libraries from elsewhere.
set -euo pipefail

packages=(
  g++ cmake ninja-build
  libboost1.81-dev            # Asio and Beast, header-only; never libboost-dev, which is 1.74
  catch2                      # 2.13, the tests
  libbenchmark-dev            # Google Benchmark 1.7
  libboost-json1.81-dev       # asynclab compare and report read Google Benchmark's JSON
  libcli11-dev libfmt-dev     # the lesson runner's command line and printing
  doxygen graphviz doxygen-awesome-css python3  # make docs (python3 writes the lesson pages)
  tmux                        # the tour's tests drive it through a real pseudo-terminal
  less                        # the pager of `asynclab explain`
  clang-tidy-19               # the lint and the lessons' "how to catch it" (clang-tidy 14 lacks the checks)
  curl netcat-openbsd wrk     # clients nobody here wrote, for the served lessons (15-17)
  libboost-stacktrace1.81-dev # the debug mode names the function that stalled the loop
)
[ "${1:-}" = --docs-check ] && packages+=(chromium)  # the docs in a real browser, headless

[ "${ASYNCLAB_SKIP_INSTALL:-0}" = 1 ] && exit 0

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "asynclab: this system has no apt-get; install these Debian packages (or their equivalents) by hand: ${missing[*]}" >&2
  echo "asynclab: then run again with ASYNCLAB_SKIP_INSTALL=1" >&2
  exit 1
fi

# libboost1.81-dev conflicts with the unversioned libboost-dev (1.74): say so rather than let apt remove it.
if [ "$(dpkg-query -W -f='${Status}' libboost1.74-dev 2>/dev/null || true)" = "install ok installed" ]; then
  echo "asynclab: libboost1.74-dev (pulled in by libboost-dev) conflicts with libboost1.81-dev; remove it first: sudo apt-get remove libboost-dev libboost1.74-dev" >&2
  exit 1
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "asynclab: installing ${missing[*]} needs root, and sudo is missing; install them as root" >&2
    exit 1
  fi
  as_root=(sudo)
  [ -t 0 ] || as_root=(sudo -n)  # no terminal: never wait for a password
fi

echo "asynclab: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -q
"${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
