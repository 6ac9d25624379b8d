#include "tool/hints.hpp"

#include "tool/docs_page.hpp"
#include "tool/progress.hpp"

#include <algorithm>

namespace asynclab::tool {

std::vector<std::string> hints_for(const lesson_entry& lesson) { return hints_of(page_of(lesson)); }

int advance_hint(const lesson_entry& lesson, const std::vector<std::string>& hints)
{
  auto saved = load_progress();
  auto& seen = saved.lessons[lesson.stem].hints;
  seen = std::min(seen + 1, static_cast<int>(hints.size()));
  save_progress(saved);
  return seen;
}

}  // namespace asynclab::tool
