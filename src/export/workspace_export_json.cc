// Workspace tables as one JSON document (kaizen/workspace_tables.h; the schema is in
// docs/api.md, "Workspace export"), written a row at a time so that a large workspace streams:
// nlohmann (src/export/ only) writes each row's object and string escapes.
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "kaizen/json.h"
#include "kaizen/workspace_tables.h"

namespace kaizen {
namespace {

using nlohmann::ordered_json;

// A whole number (an id, a count, most values) as an integer, so 3 is written 3, not 3.0; NaN
// as null.
ordered_json NumberJson(double x) {
  if (std::isnan(x)) return nullptr;
  if (std::trunc(x) == x && std::fabs(x) < 9007199254740992.0) {  // 2^53: exact as an integer
    return static_cast<std::int64_t>(x);
  }
  return x;
}

std::string Dump(const ordered_json& j) {
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

}  // namespace

std::string WorkspaceJsonWriter::Head() {
  return "{\n  \"schema_version\": " + std::to_string(kSchemaVersion);
}

void WorkspaceJsonWriter::BeginTable(std::string_view name, std::string* out) {
  out->append(",\n  ");
  out->append(Dump(ordered_json(std::string(name))));
  out->append(": [");
  first_row_ = true;
}

void WorkspaceJsonWriter::AppendRow(const std::vector<TableColumn>& columns,
                                    const std::vector<TableCell>& row, std::string* out) {
  ordered_json object = ordered_json::object();
  for (std::size_t c = 0; c < columns.size(); ++c) {
    object[columns[c].name] = columns[c].type == ColumnType::kText ? ordered_json(row[c].text)
                                                                   : NumberJson(row[c].number);
  }
  out->append(first_row_ ? "\n    " : ",\n    ");
  out->append(Dump(object));
  first_row_ = false;
}

void WorkspaceJsonWriter::EndTable(std::string* out) { out->append("\n  ]"); }

std::string WorkspaceJsonWriter::Tail() { return "\n}\n"; }

std::string WorkspaceTablesToJson(const std::vector<WorkspaceTable>& tables) {
  WorkspaceJsonWriter writer;
  std::string out = writer.Head();
  for (const WorkspaceTable& table : tables) {
    writer.BeginTable(table.name, &out);
    for (const auto& row : table.rows) writer.AppendRow(table.columns, row, &out);
    writer.EndTable(&out);
  }
  return out + writer.Tail();
}

}  // namespace kaizen
