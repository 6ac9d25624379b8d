# A lesson on a terminal asks for the prediction, refuses an answer out of range, and after the
# run explains why the student's wrong choice is wrong and what the right one is. Without a
# terminal, or with --no-prompt, it asks nothing.
source "$(dirname "$0")/tmux.sh"

lesson=${executables[0]}
correct=$(about "$lesson" correct)
mapfile -t choices < <(about "$lesson" choice)
count=${#choices[@]}
wrong=$((correct % count + 1))

start "$lesson"
wait_for "Your prediction \(1-$count, Enter to skip\):"
send "$((count + 1))" Enter
wait_for "Type a number from 1 to $count, or press Enter to skip."
send "$wrong" Enter
wait_for '\[exit [0-9]+\]' 120
expect "You said: $wrong\) $(literal "${choices[wrong - 1]}")"
expect "You predicted $wrong\) $(literal "${choices[wrong - 1]}"): wrong \("
expect "Answer: $correct\) $(literal "${choices[correct - 1]}"): "
expect '\[exit [01]\]'

start "$lesson --no-prompt"
wait_for '\[exit [0-9]+\]' 120
screen | grep -q "Your prediction" && fail "--no-prompt still asked"
expect "Answer: $correct\)"

output=$("$lesson" </dev/null) || true
grep -q "Your prediction" <<<"$output" && fail "asked for a prediction without a terminal"
grep -qE "^Answer: $correct\)" <<<"$output" || fail "no answer without a terminal: $output"
echo "ok"
