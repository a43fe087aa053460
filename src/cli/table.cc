#include "cli/table.h"

#include <algorithm>
#include <string>
#include <vector>

namespace kaizen::cli {
namespace {

std::size_t Width(const std::string& s) {
  // UTF-8 continuation bytes (10xxxxxx) do not start a character.
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// `text` broken at spaces into lines of at most `width` characters (a longer word keeps a
// line of its own).
std::vector<std::string> Wrap(const std::string& text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!word.empty()) {
      if (!line.empty() && Width(line) + 1 + Width(word) > width) {
        lines.push_back(line);
        line.clear();
      }
      line += (line.empty() ? "" : " ") + word;
    }
    start = end + 1;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

}  // namespace

std::string Table::Render(int max_width) const {
  if (header_.empty()) return Render();
  const std::size_t last = header_.size() - 1;
  std::vector<std::size_t> widths(last, 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size() && c < last; ++c)
      widths[c] = std::max(widths[c], Width(row[c]));
  };
  measure(header_);
  for (const auto& row : rows_) measure(row);
  std::size_t indent = 0;
  for (std::size_t w : widths) indent += w + 2;
  const std::size_t width = max_width > 0 ? static_cast<std::size_t>(max_width) : 0;
  // Beside the other columns when it gets kMinLastColumn characters there, else on lines of
  // its own under its row, indented so the rows stay easy to scan.
  const bool beside = indent + kMinLastColumn <= width;
  const std::size_t under_indent = 4;
  const std::size_t room =
      beside ? width - indent : std::max<std::size_t>(kMinLastColumn, width - under_indent);
  std::string out;
  auto emit = [&](const std::vector<std::string>& row, bool header) {
    std::string line;
    for (std::size_t c = 0; c < row.size() && c < last; ++c)
      line += row[c] + std::string(widths[c] - Width(row[c]) + 2, ' ');
    const std::string text = row.size() > last ? row[last] : "";
    if (!beside) {
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out += line + "\n";
      if (header) return;  // the sentences under the rows need no heading
      for (const std::string& l : Wrap(text, room))
        out += std::string(under_indent, ' ') + l + "\n";
      return;
    }
    const std::vector<std::string> wrapped = Wrap(text, room);
    out += line + wrapped[0] + "\n";
    for (std::size_t i = 1; i < wrapped.size(); ++i)
      out += std::string(indent, ' ') + wrapped[i] + "\n";
  };
  emit(header_, true);
  for (const auto& row : rows_) emit(row, false);
  return out;
}

std::string Table::Render() const {
  std::vector<std::size_t> widths(header_.size(), 0);
  auto measure = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], Width(row[c]));
  };
  measure(header_);
  for (const auto& row : rows_) measure(row);
  std::string out;
  auto emit = [&](const std::vector<std::string>& row) {
    std::string line;
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c) {
      line += row[c];
      if (c + 1 < row.size()) line += std::string(widths[c] - Width(row[c]) + 2, ' ');
    }
    out += line + "\n";
  };
  emit(header_);
  for (const auto& row : rows_) emit(row);
  return out;
}

}  // namespace kaizen::cli
