# The tour's keys on a terminal: Ctrl-C stops a lesson without marking it done and Enter runs it
# again; x starts the exercise; reset asks before it forgets every lesson.
source "$(dirname "$0")/tmux.sh"

first=${stems[0]}
number=${first%%_*}

start "$asynclab"
wait_for "Your prediction"
send C-c
wait_for "Lesson $number was stopped \(Ctrl-C\) and is not marked done."
[[ -f $progress ]] && grep -q "^$first done" "$progress" && fail "a stopped lesson was marked done: $(cat "$progress")"
send Enter
# wait_for_second PATTERN: the screen shows it twice (the first is still on screen).
wait_for_second() {
  for ((waited = 0; $(screen | grep -cE -- "$1") < 2; waited++)); do
    ((waited < 300)) || fail "waited 60 s for a second: $1"
    sleep 0.2
  done
}
wait_for_second "Your prediction"  # Enter ran the lesson again
send C-c
wait_for_second "Enter: run it again"
send x Enter
wait_for "Edit .*$first.cpp"
[[ -f $ASYNCLAB_EXERCISES/$first.cpp ]] || fail "x did not start the exercise"
send q Enter
wait_for '\[exit 0\]'

# reset on a terminal asks first: anything but y keeps the progress.
mkdir -p "$(dirname "$progress")"
printf 'asynclab progress 1\n%s done prediction=right\n' "$first" >"$progress"
start "$asynclab" reset
wait_for "Type y to confirm"
send n Enter
wait_for "Kept your progress."
[[ -f $progress ]] || fail "reset forgot the progress without a y"
start "$asynclab" reset
wait_for "Type y to confirm"
send y Enter
wait_for "Forgot your progress"
[[ -f $progress ]] && fail "reset kept the progress after a y"
echo "ok"
