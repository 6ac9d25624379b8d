// The headers every lesson's main includes, precompiled once (see asynclab_add_lesson) rather
// than parsed again for each lesson.
#include "lab/format.hpp"
#include "lab/runner.hpp"

#include <fmt/format.h>
