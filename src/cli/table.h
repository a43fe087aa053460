// A plain-text table with aligned columns, for terminal output.
#ifndef KAIZEN_CLI_TABLE_H_
#define KAIZEN_CLI_TABLE_H_

#include <string>
#include <vector>

namespace kaizen::cli {

class Table {
 public:
  explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
  void AddRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
  // Columns padded to their widest cell (counted in UTF-8 code points), two spaces apart.
  std::string Render() const;
  // The same, fitted to a terminal `max_width` characters wide: the last column (a sentence)
  // is wrapped at spaces, beside the others when it gets kMinLastColumn characters there,
  // else on indented lines of its own under its row.
  std::string Render(int max_width) const;
  static constexpr int kMinLastColumn = 24;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace kaizen::cli

#endif  // KAIZEN_CLI_TABLE_H_
