#include "kaizen/diagnostics.h"

#include <utility>

namespace kaizen {

std::string Diagnostic::ToString() const {
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line);
  if (line > 0 && column > 0) s += ":" + std::to_string(column);
  s += severity == Severity::kError ? ": error [" : ": warning [";
  s += code;
  return s + "]: " + message;
}

void Diagnostics::Error(std::string_view code, std::string file, int line, int column,
                        std::string message) {
  Add({Severity::kError, std::move(file), line, column, std::move(message), code});
}

void Diagnostics::Warning(std::string_view code, std::string file, int line, int column,
                          std::string message) {
  Add({Severity::kWarning, std::move(file), line, column, std::move(message), code});
}

void Diagnostics::Error(std::string file, int line, int column, std::string message) {
  Error(diag::kInput, std::move(file), line, column, std::move(message));
}

void Diagnostics::Warning(std::string file, int line, int column, std::string message) {
  Warning(diag::kInput, std::move(file), line, column, std::move(message));
}

void Diagnostics::Add(Diagnostic d) {
  if (d.severity == Severity::kError) ++errors_;
  all_.push_back(std::move(d));
}

}  // namespace kaizen
