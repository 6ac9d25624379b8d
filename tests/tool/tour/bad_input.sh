# Bad input anywhere gives one clear line on standard error and exit 2, never a crash.
source "$(dirname "$0")/tmux.sh"

number=${stems[0]%%_*}

# one_line PREFIX COMMAND...: exit 2 and exactly one line, starting with PREFIX, on standard error.
one_line() {
  local prefix=$1 errors code=0
  shift
  errors=$("$@" 2>&1 >/dev/null </dev/null) || code=$?
  [[ $code == 2 ]] || fail "exit $code (not 2) from: $* ($errors)"
  [[ $(wc -l <<<"$errors") == 1 && $errors == "$prefix"* ]] || fail "not one '$prefix' line from $*: $errors"
  echo "$errors"
}

one_line "asynclab: there is no lesson '99'" "$asynclab" run 99
one_line "asynclab: there is no lesson 'abc'" "$asynclab" hint abc
one_line "asynclab: there is no lesson '42'" "$asynclab" explain 42
one_line "asynclab: there is no lesson '77'" "$asynclab" exercise 77
one_line "asynclab: there is no lesson '88'" "$asynclab" reset 88
one_line "asynclab hint: NN is required" "$asynclab" hint
one_line "asynclab compare: The following argument was not expected: --colour" "$asynclab" compare a.json b.json --colour
one_line "asynclab report: --format: pdf not in" "$asynclab" report --format pdf x.json
one_line "asynclab: unknown command" "$asynclab" nonsense
one_line "asynclab: there is no exercise file" "$asynclab" check "$number"
one_line "asynclab: there is no exercise file" "$asynclab" watch "$number"
one_line "lesson_${stems[0]}: --answer must be from 1 to" "${executables[0]}" --answer 99

# A corrupt progress file, and a foreign one: a clear message that names it, then reset mends it.
mkdir -p "$(dirname "$progress")"
printf 'garbage\n\000\377\n' >"$progress"
message=$(one_line "asynclab: the progress file $progress is not one asynclab wrote (line 1" "$asynclab" list)
[[ $message == *"asynclab reset"* ]] || fail "the message does not say how to mend it: $message"
one_line "asynclab: the progress file" "$asynclab" run "$number"
one_line "asynclab: the progress file" "$asynclab" hint "$number"
printf 'asynclab progress 1\n%s done flying\n' "${stems[0]}" >"$progress"
one_line "asynclab: the progress file $progress is not one asynclab wrote (line 2: unknown word 'flying')" "$asynclab" list
"$asynclab" reset >/dev/null || fail "reset did not mend a broken progress file"
[[ ! -e $progress ]] || fail "reset left the broken file"
"$asynclab" list >/dev/null || fail "list fails after reset"
echo "ok"
