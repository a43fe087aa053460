#include "kaizen/diagnostics.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

namespace kaizen {

namespace {

// A column number as spreadsheet letters: 1 = A, 27 = AA.
std::string Letters(int column) {
  std::string letters;
  for (; column > 0; column = (column - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (column - 1) % 26));
  }
  return letters;
}

// ": error [CODE]: MESSAGE", what follows the place, the same for a file's line and a cell.
std::string Tail(const Diagnostic& d) {
  return (d.severity == Severity::kError ? ": error [" : ": warning [") + std::string(d.code) +
         "]: " + d.message;
}

}  // namespace

std::string Diagnostic::ToString() const {
  // A workbook's sheet is named "book.xlsx[Sheet1]" (ingest/xlsx/xlsx_reader.h): its places are
  // cells, shown as Excel names them, "book.xlsx:Sheet1!B7" (a whole row: "Sheet1!7:7").
  const std::size_t open = file.rfind('[');
  if (!file.empty() && file.back() == ']' && open != std::string::npos && open > 0) {
    std::string s = file.substr(0, open) + ":" + file.substr(open + 1, file.size() - open - 2);
    if (line > 0 && column > 0) {
      s += "!" + Letters(column) + std::to_string(line);
    } else if (line > 0) {
      s += "!" + std::to_string(line) + ":" + std::to_string(line);
    }
    return s + Tail(*this);
  }
  std::string s = file;
  if (line > 0) s += ":" + std::to_string(line);
  if (line > 0 && column > 0) s += ":" + std::to_string(column);
  return s + Tail(*this);
}

void Diagnostics::Error(std::string_view code, std::string file, int line, int column,
                        std::string message) {
  Add({Severity::kError, std::move(file), line, column, std::move(message), code});
}

void Diagnostics::Warning(std::string_view code, std::string file, int line, int column,
                          std::string message) {
  Add({Severity::kWarning, std::move(file), line, column, std::move(message), code});
}

void Diagnostics::Add(Diagnostic d) {
  if (d.code.empty()) {
    // Scripts and the HTTP API branch on the code: an uncoded diagnostic is a bug, caught by
    // the first test that reaches it rather than shipped as an empty "[]".
    std::fprintf(stderr, "kaizen: a diagnostic without a code: %s\n", d.ToString().c_str());
    std::abort();
  }
  if (d.severity == Severity::kError) ++errors_;
  all_.push_back(std::move(d));
}

}  // namespace kaizen
