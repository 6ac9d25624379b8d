# Runs every lesson in a real 80x24 terminal (tmux) and fails when a line of its screen, joined
# where the terminal wrapped it, is wider than 80 columns: tables must stack and prose must wrap
# before the terminal cuts them. Skips (exit 77) without tmux or without a pseudo-terminal.
# Run as: bash lessons_in_80_columns.sh <lesson executable>...
set -euo pipefail

command -v tmux >/dev/null || { echo "skipped: tmux is missing (cmake/install_dependencies.sh installs it)"; exit 77; }
# One tmux server per lesson, each on its own socket: a server that is still shutting down never
# receives the next lesson.
started_servers=0
socket="asynclab-columns-$$-0"
tm() { tmux -L "$socket" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null || true' EXIT

for lesson in "$@"; do
  tm kill-server 2>/dev/null || true
  socket="asynclab-columns-$$-$((++started_servers))"
  if ! started=$(tm new-session -d -s main -x 80 -y 24 "$lesson --answer 1; echo \"[exit \$?]\"; sleep 600" 2>&1); then
    echo "skipped, and not a pass: no pseudo-terminal here ($started)"
    exit 77
  fi
  deadline=$((SECONDS + 120))
  until tm capture-pane -p -J -S -5000 -t main | grep -qE '^\[exit [0-9]+\]'; do
    ((SECONDS <= deadline)) || { echo "FAILED: $lesson did not end within 120 s"; exit 1; }
    sleep 0.2
  done
  screen=$(tm capture-pane -p -J -S -5000 -t main)
  widest=$(awk '{ n = length($0); if (n > w) w = n } END { print w + 0 }' <<<"$screen")
  if ((widest > 80)); then
    echo "FAILED: $lesson printed a line of $widest columns in an 80-column terminal:"
    awk 'length($0) > 80' <<<"$screen"
    exit 1
  fi
  echo "ok: $(basename "$lesson") fits 80 columns (widest line: $widest)"
done
