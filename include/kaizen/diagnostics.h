// Diagnostics: what is wrong with the user's input, and exactly where.
//
// A bad input row is a diagnostic (file, line, column, message), not a crash; the caller's
// policy (strict or --lenient) decides whether it stops the run. A Diagnostics object is not
// thread-safe: give each reader its own.
#ifndef KAIZEN_DIAGNOSTICS_H_
#define KAIZEN_DIAGNOSTICS_H_

#include <cstddef>
#include <string>
#include <vector>

namespace kaizen {

enum class Severity { kError, kWarning };

struct Diagnostic {
  Severity severity = Severity::kError;
  std::string file;
  int line = 0;         // 1-based; 0 when the problem concerns the whole file
  int column = 0;       // 1-based field number (CSV, XLSX) or character (TOML); 0 when unknown
  std::string message;  // what was found and what was expected

  // "data.csv:12:3: error: 'abc' is not a number (expected the value column to hold numbers)"
  std::string ToString() const;
};

class Diagnostics {
 public:
  void Error(std::string file, int line, int column, std::string message);
  void Warning(std::string file, int line, int column, std::string message);
  void Add(Diagnostic d);

  const std::vector<Diagnostic>& all() const { return all_; }
  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return all_.size() - errors_; }
  bool has_errors() const { return errors_ > 0; }

 private:
  std::vector<Diagnostic> all_;
  std::size_t errors_ = 0;
};

}  // namespace kaizen

#endif  // KAIZEN_DIAGNOSTICS_H_
