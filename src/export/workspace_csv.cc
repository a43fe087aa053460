// A workspace table as CSV (kaizen/workspace_tables.h), quoted as the analysis CSV is
// (CsvField, RFC 4180), so the observations table reads back with `kaizen import`.
#include <cmath>
#include <string>
#include <vector>

#include "kaizen/export.h"
#include "kaizen/number_format.h"
#include "kaizen/workspace_tables.h"

namespace kaizen {

std::string CsvHeaderLine(const std::vector<TableColumn>& columns) {
  std::string out;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (c > 0) out.push_back(',');
    out.append(CsvField(columns[c].name));
  }
  out.push_back('\n');
  return out;
}

void AppendCsvLine(const std::vector<TableColumn>& columns, const std::vector<TableCell>& row,
                   std::string* out) {
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (c > 0) out->push_back(',');
    if (columns[c].type == ColumnType::kText) {
      out->append(CsvField(row[c].text));
    } else if (!std::isnan(row[c].number)) {  // NaN: an empty field, missing
      AppendShortest(row[c].number, out);
    }
  }
  out->push_back('\n');
}

std::string WorkspaceTableToCsv(const WorkspaceTable& table) {
  std::string out = CsvHeaderLine(table.columns);
  for (const auto& row : table.rows) AppendCsvLine(table.columns, row, &out);
  return out;
}

}  // namespace kaizen
