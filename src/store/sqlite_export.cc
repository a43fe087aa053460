// Reading the whole workspace for `kaizen export`: every revision of every point in one query,
// so exporting a large workspace streams rows instead of asking PointHistory once per point.
#include <cstdint>
#include <functional>
#include <string>

#include "kaizen/names.h"
#include "store/sqlite_workspace.h"

namespace kaizen::store {
namespace {

// The kind as the series table spells it (PeriodKindNames); kDate for a name this kaizen does
// not know, as ForEachSeries reads it.
PeriodKind PeriodKindFromName(const std::string& name) {
  for (const auto& [value, spelling] : PeriodKindNames()) {
    if (spelling == name) return value;
  }
  return PeriodKind::kDate;
}

}  // namespace

Status SqliteWorkspace::ForEachRevision(
    const std::function<Status(const std::string& indicator_id, const std::string& organisation,
                               PeriodKind period_kind, const PointRevision& revision)>&
        on_revision) {
  auto select = Statement::Prepare(
      db_,
      "SELECT s.indicator_id, s.organisation, s.period_kind, o.period, o.revision, o.value, "
      "o.numerator, o.denominator, o.subgroup_sd, o.line, "
      "i.id, i.file_name, i.sha256, i.imported_by, i.imported_at, i.reason "
      "FROM series s JOIN observations o ON o.series_id = s.id "
      "JOIN imports i ON i.id = o.import_id "
      "ORDER BY s.indicator_id, s.organisation, o.period, o.revision");
  if (!select.ok()) return select.status();
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) return Status::Ok();
    PointRevision revision;
    revision.observation = {.period = Date(static_cast<int32_t>(select->Int(3))),
                            .value = select->Real(5),
                            .numerator = select->Real(6),
                            .denominator = select->Real(7),
                            .subgroup_sd = select->Real(8)};
    revision.revision = static_cast<int>(select->Int(4));
    revision.line = static_cast<int>(select->Int(9));
    revision.import = {select->Int(10),  select->Text(11), select->Text(12),
                       select->Text(13), select->Text(14), select->Text(15)};
    Status status = on_revision(select->Text(0), select->Text(1),
                                PeriodKindFromName(select->Text(2)), revision);
    if (!status.ok()) return status;
  }
}

}  // namespace kaizen::store
