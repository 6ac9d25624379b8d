# explain on an 80x24 terminal: the page starts at its top, through the pager, with the code and
# the diff; the hints are not on it, and quitting the pager ends asynclab with exit 0.
source "$(dirname "$0")/tmux.sh"
unset PAGER LESS
command -v less >/dev/null || { echo "less is missing (cmake/install_dependencies.sh installs it): skipping"; exit 77; }

for stem in "${stems[@]}"; do
  number=${stem%%_*}
  [[ -f $repository/docs/lessons/$stem.md ]] || continue
  COLUMNS_ROWS="80 24" start "$asynclab" explain "$number"
  wait_for "^Lesson $number"
  # The first screen is the top of the page, not its last screen, where the hints are.
  shown=$(tm capture-pane -p -J -t main)
  [[ $(head -1 <<<"$shown") == "Lesson $number"* ]] || fail "explain $number does not start at the page's top"
  grep -q "asynclab hint $number" <<<"$shown" && fail "explain $number showed its last screen first"
  # Through the page, a screen at a time, to its end: the diff and the hint line are there.
  for _ in $(seq 40); do send Space; done
  wait_for "asynclab hint $number"
  send q
  wait_for '\[exit 0\]'
  page=$(screen)
  grep -qE '^ +\+\+\+ solutions/' <<<"$page" || fail "explain $number shows no diff"
done
echo "ok"
