# `asynclab watch` checks the exercise again when it is saved, with file events and with --poll.
source "$(dirname "$0")/tmux.sh"

stem=${stems[0]}
number=${stem%%_*}
"$asynclab" exercise "$number" >/dev/null
exercise=$ASYNCLAB_EXERCISES/$stem.cpp

start "$asynclab watch $number"
wait_for "Not yet: [0-9]+ of [0-9]+ tests fail" 500
wait_for "Watching .* \(file events\)"
cp "$repository/solutions/$stem.cpp" "$exercise"
wait_for "Solved: " 500
send C-c

start "$asynclab watch $number --poll"
wait_for "Solved: " 500
wait_for "Watching .* \(polling\)"
"$asynclab" exercise "$number" --fresh >/dev/null
wait_for "Not yet: " 500
send C-c
grep -qE "^$stem .*solved" "$progress" || fail "progress: $(cat "$progress")"
echo "ok"
