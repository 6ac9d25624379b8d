#pragma once
/// \file
/// A lesson's undefined face: the plainest form of its pitfall, which is undefined behaviour (a
/// dangling reference, a data race), and the same code fixed. They run only in their own small
/// program, `bin/lesson_NN_name_undefined`, built with the sanitizer that catches them, as a
/// child process of the lesson (`lab/undefined_child.hpp`). The lesson's default run stays safe.
///
/// A lesson line with `UNDEFINED address` (or `thread`) builds that program from
/// `lab/undefined_main.cpp`, `pitfalls/NN_name_undefined.cpp` and `solutions/NN_name_undefined.cpp`,
/// which define these two functions.

namespace lab_undefined {

/// The undefined form: the sanitizer must report it.
void pitfall();

/// The same job, fixed: the sanitizer must stay silent.
void solution();

}  // namespace lab_undefined
