#pragma once
/// \file
/// The two faces some lessons have besides their default run: a server a class can hit
/// (`--serve`), and an undefined form that runs only in a child under its sanitizer.

#include "lab/runner/description.hpp"
#include "lab/runner/options.hpp"
#include "lab/runner/terminal.hpp"

#include <string>
#include <vector>

namespace lab::runner {

/// Runs the chosen role's server until Ctrl-C or `--for`. \returns the exit code: 0, 2 when the
/// port is taken (one line says so), 1 when the server failed.
int serve_alone(const description& lesson, const options& chosen);

/// Runs each role's undefined form in a child process and adds "report: yes/no" to its
/// observations. \returns what to print after the verdict: each role's sanitizer summary.
std::string add_undefined_reports(const description& lesson, std::vector<role_run>& runs, const terminal& out);

}  // namespace lab::runner
