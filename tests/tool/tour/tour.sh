# The tour on a terminal: starts at the first lesson, takes the prediction, gives a hint, saves
# the progress on quitting, resumes after the last lesson done, and says when all are finished.
source "$(dirname "$0")/tmux.sh"

count=${#stems[@]}
first=${stems[0]}
number=${first%%_*}
correct=$(about "${executables[0]}" correct)

start "$asynclab"
wait_for "asynclab tour: lesson $number \(1 of $count\)"
wait_for "Your prediction"
send "$correct" Enter
wait_for "Enter: next lesson" 120
expect "You predicted $correct\) .*: right \("
send h Enter
wait_for "Hint 1 of [0-9]+: |has no hints yet"
send q Enter
wait_for '\[exit 0\]'
expect "Your progress is saved in $(literal "$progress")"
grep -qE "^$first done prediction=right( hints=1)?$" "$progress" || fail "progress: $(cat "$progress")"
"$asynclab" list | grep -A1 -E "^$number  " | grep -qE "^    \[done, predicted right" || fail "list: $("$asynclab" list)"
"$asynclab" list | awk 'length > 80 { exit 1 }' || fail "list is wider than 80 columns: $("$asynclab" list)"

start "$asynclab"
if ((count > 1)); then
  second=${stems[1]}
  wait_for "Welcome back: you have done 1 of $count lessons."
  wait_for "asynclab tour: lesson ${second%%_*} \(2 of $count\)"
  wait_for "Your prediction"
  send Enter
  wait_for "Enter: next lesson" 120
  send q Enter
  wait_for '\[exit 0\]'
  grep -qx "$second done" "$progress" || fail "progress: $(cat "$progress")"
else
  wait_for "You have finished every lesson of asynclab."
  expect "Predictions right: 1 of 1 \(1 predicted\). Exercises solved: 0 of 1."
fi

# Everything done: the tour says so, with the summary.
{
  echo "asynclab progress 1"
  for stem in "${stems[@]:1}"; do echo "$stem done prediction=wrong"; done
  echo "$first done prediction=right solved"
} >"$progress"
start "$asynclab"
wait_for "You have finished every lesson of asynclab."
expect "Predictions right: 1 of $count \($count predicted\). Exercises solved: 1 of $count."
wait_for '\[exit 0\]'

# Reset forgets one lesson; explain shows each page with its code and without Doxygen commands.
"$asynclab" reset "$number" >/dev/null
grep -q "^$first " "$progress" && fail "reset $number kept it: $(cat "$progress")"
for stem in "${stems[@]}"; do
  [[ -f $repository/docs/lessons/$stem.md ]] || continue
  page=$("$asynclab" explain "${stem%%_*}") || fail "explain ${stem%%_*} failed"
  grep -qE '\\(snippet|includedoc)|\{#lesson_' <<<"$page" && fail "explain ${stem%%_*} left Doxygen in: $page"
  grep -q "co_await\|co_return\|asio::" <<<"$page" || fail "explain ${stem%%_*} shows no code: $page"
done

# Without a terminal the tour runs every lesson and asks nothing, as `make run` always did.
output=$("$asynclab" tour </dev/null 2>&1) || true
grep -q "Your prediction" <<<"$output" && fail "asked without a terminal"
for executable in "${executables[@]}"; do
  title=$(about "$executable" title)
  grep -qF "· $title" <<<"$output" || fail "the run without a terminal skipped: $title"
done
echo "ok"
