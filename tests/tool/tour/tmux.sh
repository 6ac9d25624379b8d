# Drives a program in a real pseudo-terminal (tmux), for the tour's tests. Every wait is bounded,
# so a prompt that never appears fails the test with the screen as it was, instead of hanging.
# Sourced by the tests; they run as: bash <test>.sh <asynclab> <lessons.txt> <scratch folder> <repository>
set -euo pipefail

asynclab=$1 lesson_list=$2 scratch=$3 repository=$4
if ! command -v tmux >/dev/null; then
  echo "tmux is missing (cmake/install_dependencies.sh installs it): skipping"
  exit 77
fi
# Without a pseudo-terminal (some containers have none) tmux cannot start a window: skip.
if ! probe=$(tmux -L "asynclab-probe-$$" -f /dev/null new-session -d -x 80 -y 24 true 2>&1); then
  echo "no pseudo-terminal for tmux ($probe): skipping"
  exit 77
fi
tmux -L "asynclab-probe-$$" kill-server 2>/dev/null || true
rm -rf "$scratch"
mkdir -p "$scratch"
# The student's own progress and exercises are never touched.
export XDG_STATE_HOME=$scratch/state ASYNCLAB_EXERCISES=$scratch/exercises
progress=$XDG_STATE_HOME/asynclab/progress
unset TMUX NO_COLOR

# One tmux server per started program, each on its own socket: a server that is still shutting
# down never receives the next program.
starts=0
socket="asynclab-test-$$-0"
tm() { tmux -L "$socket" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null || true' EXIT

fail() {
  echo "FAILED: $*"
  echo "--- screen ---"
  screen || true
  exit 1
}

# start COMMAND: runs it in a fresh terminal, 120x50 unless COLUMNS_ROWS says ("80 24");
# "[exit N]" shows when it ends.
start() {
  local size=(${COLUMNS_ROWS:-120 50})
  tm kill-server 2>/dev/null || true
  socket="asynclab-test-$$-$((++starts))"
  tm new-session -d -s main -x "${size[0]}" -y "${size[1]}" "$*; echo \"[exit \$?]\"; sleep 600"
}
screen() { tm capture-pane -p -J -S -2000 -t main; }
send() { tm send-keys -t main "$@"; }

# wait_for PATTERN [SECONDS]: an extended regular expression the screen must show in time.
wait_for() {
  local deadline=$((SECONDS + ${2:-60}))
  local shown
  for (( ; ; )); do
    shown=$(screen)
    grep -qE -- "$1" <<<"$shown" && return 0
    ((SECONDS <= deadline)) || fail "waited ${2:-60} s for: $1"
    grep -qE '^\[exit [0-9]+\]' <<<"$shown" && fail "the program ended without showing: $1"
    sleep 0.2
  done
}

# expect PATTERN: the screen shows it now.
expect() { screen | grep -qE -- "$1" || fail "the screen does not show: $1"; }

# A fixed string as an extended regular expression.
literal() { sed 's/[][\.*^$(){}?+|/]/\\&/g' <<<"$1"; }

# The lessons, in course order.
mapfile -t stems < <(cut -f1 "$lesson_list")
mapfile -t executables < <(cut -f2 "$lesson_list")
((${#stems[@]} > 0)) || fail "no lessons in $lesson_list"

# about EXECUTABLE KEY: one value of the lesson's --about; "choice" gives all choices, one a line.
about() { "$1" --about | sed -n "s/^$2: //p"; }
