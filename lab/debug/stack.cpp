#include "lab/debug/stack.hpp"

#include <fmt/format.h>

#include <dlfcn.h>
#include <unistd.h>

#include <cstdio>
#include <limits.h>
#include <memory>

namespace lab::debug {
namespace {

/// The executable's load address and path: the one object `symbolise` reads.
struct executable {
  std::uintptr_t base = 0;
  std::string path;
};

executable this_executable()
{
  executable exe;
  Dl_info info{};
  // Any function of the lab: the lab is linked into the executable.
  if (dladdr(reinterpret_cast<void*>(&this_executable), &info) != 0)
    exe.base = reinterpret_cast<std::uintptr_t>(info.dli_fbase);
  char path[PATH_MAX];
  const auto length = readlink("/proc/self/exe", path, sizeof path - 1);
  if (length > 0) exe.path.assign(path, static_cast<std::size_t>(length));
  return exe;
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

std::string frame::short_name() const
{
  std::string name = function;
  for (const std::string noise : {"(anonymous namespace)::", " [clone .actor]", " [clone .resume]"})
    for (auto at = name.find(noise); at != std::string::npos; at = name.find(noise)) name.erase(at, noise.size());
  // Cut the parameters, then the namespaces and classes (not inside a template's arguments).
  if (const auto open = name.find('('); open != std::string::npos && open > 0) name.erase(open);
  int depth = 0;
  std::size_t start = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '<') ++depth;
    if (name[i] == '>') --depth;
    if (depth == 0 && name.compare(i, 2, "::") == 0) start = i + 2;
  }
  return name.substr(start);
}

std::string project_relative(const std::string& path)
{
  const std::string root = ASYNCLAB_SOURCE_DIR "/";
  return starts_with(path, root) ? path.substr(root.size()) : std::string();
}

std::string frame::project_file() const { return project_relative(file); }

std::vector<frame> symbolise(const std::vector<void*>& addresses)
{
  static const executable exe = this_executable();
  std::string command = fmt::format("addr2line -a -f -C -i -e '{}'", exe.path);
  int asked = 0;
  for (auto* address : addresses) {
    Dl_info info{};
    if (dladdr(address, &info) == 0 || reinterpret_cast<std::uintptr_t>(info.dli_fbase) != exe.base) continue;
    // A return address points after its call: one byte back is the call's own line.
    command += fmt::format(" {:#x}", reinterpret_cast<std::uintptr_t>(address) - exe.base - 1);
    ++asked;
  }
  std::vector<frame> frames;
  if (asked == 0 || exe.path.empty()) return frames;
  const std::unique_ptr<FILE, int (*)(FILE*)> output(popen((command + " 2>/dev/null").c_str(), "r"), pclose);
  if (!output) return frames;
  std::string text;
  char chunk[4096];
  for (std::size_t read = 0; (read = std::fread(chunk, 1, sizeof chunk, output.get())) > 0;) text.append(chunk, read);

  // Lines: "0x..." starts an address; then pairs of function and file:line, innermost first.
  std::vector<std::string> lines;
  for (std::size_t start = 0, end = 0; start < text.size(); start = end + 1) {
    end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (starts_with(lines[i], "0x") || i + 1 >= lines.size()) continue;
    frame at{.function = lines[i], .file = {}, .line = 0};
    const auto& place = lines[++i];
    if (const auto colon = place.rfind(':'); colon != std::string::npos && !starts_with(place, "??")) {
      at.file = place.substr(0, colon);
      at.line = std::atoi(place.c_str() + colon + 1);
    }
    if (at.function != "??") frames.push_back(std::move(at));
  }
  return frames;
}

std::size_t culprit_of(const std::vector<frame>& frames)
{
  // Only the frames inside the loop's run are a handler's: outside them are the loop driver and
  // its caller, which a loop waiting for work (or a thread the machine did not schedule) shows.
  std::size_t inside = frames.size();
  for (std::size_t i = 0; i < frames.size(); ++i) {
    const auto& name = frames[i].function;
    if (name.find("scheduler::do_run_one") != std::string::npos || name.find("scheduler::run") != std::string::npos ||
        name.find("io_context::run") != std::string::npos) {
      inside = i;
      break;
    }
  }
  std::size_t in_lab = frames.size();
  for (std::size_t i = 0; i < inside; ++i) {
    const auto file = frames[i].project_file();
    if (file.empty()) continue;
    if (!starts_with(file, "lab/")) return i;
    if (in_lab == frames.size()) in_lab = i;
  }
  return in_lab;
}

std::string where_of(const frame& at)
{
  const auto file = at.project_file();
  if (file.empty()) return at.short_name();
  return fmt::format("{} ({}:{})", at.short_name(), file, at.line);
}

}  // namespace lab::debug
