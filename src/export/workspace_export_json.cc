// Workspace tables as one JSON document (kaizen/workspace_tables.h; the schema is in
// docs/api.md, "Workspace export"): nlohmann stays in src/export/.
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kaizen/json.h"
#include "kaizen/workspace_tables.h"

namespace kaizen {
namespace {

// A whole number (an id, a count, most values) as an integer, so 3 is written 3, not 3.0; NaN
// as null.
nlohmann::ordered_json NumberJson(double x) {
  if (std::isnan(x)) return nullptr;
  if (std::trunc(x) == x && std::fabs(x) < 9007199254740992.0) {  // 2^53: exact as an integer
    return static_cast<std::int64_t>(x);
  }
  return x;
}

}  // namespace

std::string WorkspaceTablesToJson(const std::vector<WorkspaceTable>& tables) {
  using nlohmann::ordered_json;
  ordered_json document;
  document["schema_version"] = kSchemaVersion;
  for (const WorkspaceTable& table : tables) {
    ordered_json rows = ordered_json::array();
    for (const auto& row : table.rows) {
      ordered_json object = ordered_json::object();
      for (std::size_t c = 0; c < table.columns.size(); ++c) {
        const TableColumn& column = table.columns[c];
        if (column.type == ColumnType::kText) {
          object[column.name] = row[c].text;
        } else {
          object[column.name] = NumberJson(row[c].number);
        }
      }
      rows.push_back(std::move(object));
    }
    document[table.name] = std::move(rows);
  }
  return document.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace kaizen
