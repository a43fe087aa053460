// Indicator definitions and their versions: a change to any field of a definition is a new
// version with who, when and why; the one with the highest version is in force.
#include <string>
#include <utility>
#include <vector>

#include "kaizen/number_format.h"
#include "store/sqlite_workspace.h"

namespace kaizen::store {

std::string_view ConflictPreferenceName(ConflictPreference preference) {
  return preference == ConflictPreference::kImprovement ? "improvement" : "concern";
}

namespace {

// The columns of indicator_versions that hold a definition, in the order Bind/Read use them.
constexpr const char* kDefinitionColumns =
    "reference, name, unit, description, domain, direction, chart, profile, profile_overrides, "
    "conflict_preference, multiplier, decimals, aggregation, accountable_person, data_owner, "
    "data_source, data_quality, refresh, measure_type, value_expression, numerator_expression, "
    "denominator_expression, where_filter";
constexpr int kDefinitionColumnCount = 23;

// Profile overrides as "name=value" lines, in the catalogue's order (which the engine applies).
std::string FormatOverrides(const ProfileOverrides& overrides) {
  std::string text;
  for (const auto& [name, value] : overrides) text += name + "=" + value + "\n";
  return text;
}

ProfileOverrides ParseOverrides(const std::string& text) {
  ProfileOverrides overrides;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    const std::string line = text.substr(start, end - start);
    const std::size_t equals = line.find('=');
    if (equals != std::string::npos) {
      overrides.emplace_back(line.substr(0, equals), line.substr(equals + 1));
    }
    start = end == std::string::npos ? text.size() : end + 1;
  }
  return overrides;
}

// Binds the definition's fields from `first` on, in kDefinitionColumns' order.
void BindDefinition(Statement* statement, int first, const Indicator& d) {
  int i = first;
  for (const std::string* text : {&d.reference, &d.name, &d.unit, &d.description, &d.domain}) {
    statement->Bind(i++, *text);
  }
  statement->Bind(i++, DirectionName(d.direction));
  statement->Bind(i++, ChartTypeName(d.chart));
  statement->Bind(i++, d.profile);
  statement->Bind(i++, FormatOverrides(d.overrides));
  statement->Bind(i++, ConflictPreferenceName(d.conflict_preference));
  statement->Bind(i++, d.multiplier);
  if (d.decimals) {
    statement->Bind(i++, std::int64_t{*d.decimals});
  } else {
    statement->BindNull(i++);
  }
  statement->Bind(i++, AggregationName(d.aggregation));
  for (const std::string* text : {&d.accountable_person, &d.data_owner, &d.data_source,
                                  &d.data_quality, &d.refresh, &d.measure_type, &d.value_expression,
                                  &d.numerator_expression, &d.denominator_expression, &d.where}) {
    statement->Bind(i++, *text);
  }
}

// Reads a definition from columns `first` on (kDefinitionColumns' order). Names the workspace
// wrote itself parse; a bad one means the file was edited outside kaizen: Corruption.
Result<Indicator> ReadDefinition(const Db& db, const Statement& row, int first) {
  Indicator d;
  int i = first;
  for (std::string* text : {&d.reference, &d.name, &d.unit, &d.description, &d.domain}) {
    *text = row.Text(i++);
  }
  auto direction = ParseDirection(row.Text(i++));
  auto chart = ParseChartType(row.Text(i++));
  d.profile = row.Text(i++);
  d.overrides = ParseOverrides(row.Text(i++));
  d.conflict_preference = row.Text(i++) == "improvement" ? ConflictPreference::kImprovement
                                                         : ConflictPreference::kConcern;
  d.multiplier = row.Real(i++);
  if (!row.IsNull(i)) d.decimals = static_cast<int>(row.Int(i));
  ++i;
  auto aggregation = ParseAggregation(row.Text(i++));
  for (std::string* text : {&d.accountable_person, &d.data_owner, &d.data_source, &d.data_quality,
                            &d.refresh, &d.measure_type, &d.value_expression,
                            &d.numerator_expression, &d.denominator_expression, &d.where}) {
    *text = row.Text(i++);
  }
  if (!direction.ok() || !chart.ok() || !aggregation.ok()) {
    return Status::Corruption(db.path +
                              ": a stored indicator definition has an unknown "
                              "direction, chart or aggregation");
  }
  d.direction = direction.value();
  d.chart = chart.value();
  d.aggregation = aggregation.value();
  return d;
}

// The definition fields only: what a version records (decisions and commentary live apart).
Indicator DefinitionOf(const Indicator& indicator) {
  Indicator d = indicator;
  d.targets.clear();
  d.baseline = {};
  d.rebases.clear();
  d.ghosts.clear();
  d.annotations.clear();
  d.narratives.clear();
  return d;
}

// A definition as one "name=value" line per field, for comparing versions and the audit log.
std::string DescribeDefinition(const Indicator& definition) {
  std::string text;
  for (const auto& [name, value] : DefinitionFields(definition)) text += name + "=" + value + "\n";
  return text;
}

constexpr const char* kSelectVersions =
    "SELECT v.indicator_id, v.version, v.changed_by, v.changed_at, v.reason, "
    "v.reference, v.name, v.unit, v.description, v.domain, v.direction, v.chart, v.profile, "
    "v.profile_overrides, v.conflict_preference, v.multiplier, v.decimals, v.aggregation, "
    "v.accountable_person, v.data_owner, v.data_source, v.data_quality, v.refresh, "
    "v.measure_type, v.value_expression, v.numerator_expression, v.denominator_expression, "
    "v.where_filter FROM indicator_versions v ";

Result<std::vector<IndicatorVersion>> ReadVersions(const Db& db, const std::string& where,
                                                   const std::string& id) {
  auto select = Statement::Prepare(db, std::string(kSelectVersions) + where);
  if (!select.ok()) return select.status();
  if (!id.empty()) select->Bind(1, id);
  std::vector<IndicatorVersion> versions;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    auto definition = ReadDefinition(db, select.value(), 5);
    if (!definition.ok()) return definition.status();
    IndicatorVersion version{.definition = std::move(definition).value(),
                             .version = static_cast<int>(select->Int(1)),
                             .changed_by = select->Text(2),
                             .changed_at = select->Text(3),
                             .reason = select->Text(4)};
    version.definition.id = select->Text(0);
    versions.push_back(std::move(version));
  }
  return versions;
}

Result<std::vector<IndicatorVersion>> CurrentVersions(const Db& db, const std::string& id) {
  return ReadVersions(db,
                      "JOIN indicators i ON i.id = v.indicator_id AND i.current_version = "
                      "v.version" +
                          std::string(id.empty() ? "" : " WHERE v.indicator_id = ?") +
                          " ORDER BY v.indicator_id",
                      id);
}

}  // namespace

Result<std::pair<int, bool>> SqliteWorkspace::WriteDefinition(const Change& change,
                                                              const Indicator& indicator) {
  const Indicator definition = DefinitionOf(indicator);
  auto current = CurrentVersions(db_, definition.id);
  if (!current.ok()) return current.status();
  std::string before;
  int version = 1;
  if (!current->empty()) {
    before = DescribeDefinition(current->front().definition);
    if (before == DescribeDefinition(definition)) {
      return std::pair{current->front().version, false};
    }
    version = current->front().version + 1;
  }
  auto upsert = Statement::Prepare(
      db_,
      "INSERT INTO indicators (id, current_version) VALUES (?, ?) "
      "ON CONFLICT (id) DO UPDATE SET current_version = excluded.current_version");
  if (!upsert.ok()) return upsert.status();
  upsert->Bind(1, definition.id).Bind(2, std::int64_t{version});
  if (Status status = upsert->Run(); !status.ok()) return status;
  std::string parameters;
  for (int i = 0; i < kDefinitionColumnCount; ++i) parameters += ", ?";
  auto insert = Statement::Prepare(
      db_,
      "INSERT INTO indicator_versions (indicator_id, version, changed_by, changed_at, "
      "reason, " +
          std::string(kDefinitionColumns) + ") VALUES (?, ?, ?, ?, ?" + parameters + ")");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, definition.id).Bind(2, std::int64_t{version}).Bind(3, change.user);
  insert->Bind(4, FormatChangeTime(change.at)).Bind(5, change.reason);
  BindDefinition(&insert.value(), 6, definition);
  if (Status status = insert->Run(); !status.ok()) return status;
  Status audited =
      AppendAudit(db_, change,
                  {.action = "define_indicator",
                   .subject = "indicator " + definition.id + " version " + std::to_string(version),
                   .before = before,
                   .after = DescribeDefinition(definition)});
  if (!audited.ok()) return audited;
  return std::pair{version, true};
}

Result<int> SqliteWorkspace::DefineIndicator(const Change& change, const Indicator& definition) {
  if (Status status = CheckWritable(); !status.ok()) return status;
  if (definition.id.empty()) return Status::InvalidArgument("an indicator needs an id");
  Transaction transaction(db_);
  if (Status status = transaction.Begin(); !status.ok()) return status;
  auto written = WriteDefinition(change, definition);
  if (!written.ok()) return written.status();
  if (Status status = transaction.Commit(); !status.ok()) return status;
  return written->first;
}

Result<std::vector<IndicatorVersion>> SqliteWorkspace::Indicators() {
  return CurrentVersions(db_, "");
}

Result<std::vector<IndicatorVersion>> SqliteWorkspace::IndicatorHistory(const std::string& id) {
  auto versions = ReadVersions(db_, "WHERE v.indicator_id = ? ORDER BY v.version", id);
  if (versions.ok() && versions->empty()) {
    return Status::NotFound(db_.path + ": no indicator '" + id + "' in the workspace");
  }
  return versions;
}

Result<bool> SqliteWorkspace::WriteTitle(const Change& change, const std::string& title) {
  if (title.empty()) return false;
  auto before = ReadTitle();
  if (!before.ok()) return before.status();
  if (before.value() == title) return false;
  auto upsert = Statement::Prepare(db_,
                                   "INSERT INTO settings (name, value) VALUES ('title', ?) "
                                   "ON CONFLICT (name) DO UPDATE SET value = excluded.value");
  if (!upsert.ok()) return upsert.status();
  upsert->Bind(1, title);
  if (Status status = upsert->Run(); !status.ok()) return status;
  Status audited = AppendAudit(db_, change,
                               {.action = "set_title",
                                .subject = "workspace title",
                                .before = before.value(),
                                .after = title});
  if (!audited.ok()) return audited;
  return true;
}

Result<std::string> SqliteWorkspace::ReadTitle() {
  auto select = Statement::Prepare(db_, "SELECT value FROM settings WHERE name = 'title'");
  if (!select.ok()) return select.status();
  auto row = select->Step();
  if (!row.ok()) return row.status();
  return row.value() ? select->Text(0) : std::string();
}

Result<Catalogue> SqliteWorkspace::CurrentCatalogue() {
  auto versions = Indicators();
  if (!versions.ok()) return versions.status();
  Catalogue catalogue;
  auto title = ReadTitle();
  if (!title.ok()) return title.status();
  catalogue.title = std::move(title).value();
  for (IndicatorVersion& version : versions.value()) {
    catalogue.indicators.push_back(std::move(version.definition));
  }
  if (Status status = AttachDecisions(&catalogue); !status.ok()) return status;
  return catalogue;
}

}  // namespace kaizen::store

namespace kaizen {

std::vector<std::pair<std::string, std::string>> DefinitionFields(const Indicator& d) {
  std::vector<std::pair<std::string, std::string>> fields = {
      {"id", d.id},
      {"reference", d.reference},
      {"name", d.name},
      {"unit", d.unit},
      {"description", d.description},
      {"domain", d.domain},
      {"direction", std::string(DirectionName(d.direction))},
      {"chart", std::string(ChartTypeName(d.chart))},
      {"profile", d.profile}};
  for (const auto& [name, value] : d.overrides) fields.emplace_back("override." + name, value);
  const std::vector<std::pair<std::string, std::string>> rest = {
      {"conflict_preference", std::string(store::ConflictPreferenceName(d.conflict_preference))},
      {"multiplier", FormatShortest(d.multiplier)},
      {"decimals", d.decimals ? std::to_string(*d.decimals) : ""},
      {"aggregation", std::string(AggregationName(d.aggregation))},
      {"accountable_person", d.accountable_person},
      {"data_owner", d.data_owner},
      {"data_source", d.data_source},
      {"data_quality", d.data_quality},
      {"refresh", d.refresh},
      {"measure_type", d.measure_type},
      {"value", d.value_expression},
      {"numerator", d.numerator_expression},
      {"denominator", d.denominator_expression},
      {"where", d.where}};
  fields.insert(fields.end(), rest.begin(), rest.end());
  return fields;
}

}  // namespace kaizen
