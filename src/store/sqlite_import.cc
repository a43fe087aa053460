// Imports: series become observations, each point's revisions kept (a correction supersedes a
// value and keeps the old one), all of one import in one transaction.
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "kaizen/names.h"
#include "store/sqlite_workspace.h"

namespace kaizen::store {
namespace {

// One point's four numbers, in the columns' order.
struct PointValues {
  double value, numerator, denominator, subgroup_sd;
};

bool SameNumber(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

bool SameValues(const PointValues& a, const PointValues& b) {
  return SameNumber(a.value, b.value) && SameNumber(a.numerator, b.numerator) &&
         SameNumber(a.denominator, b.denominator) && SameNumber(a.subgroup_sd, b.subgroup_sd);
}

// Column `i` of a series, NaN when the chart type leaves the column empty.
double At(const std::vector<double>& column, std::size_t i) {
  return i < column.size() ? column[i] : std::nan("");
}

PointValues PointOf(const Series& series, std::size_t i) {
  return {At(series.values, i), At(series.numerators, i), At(series.denominators, i),
          At(series.subgroup_sds, i)};
}

std::string FormatNumber(double x) { return std::isnan(x) ? "" : FormatExactly(x); }

// "12.3" for a value, "4/120" for a numerator over a denominator: a point as its history reads.
std::string DescribePoint(const PointValues& p) {
  if (!std::isnan(p.numerator) || !std::isnan(p.denominator)) {
    return FormatNumber(p.numerator) + "/" + FormatNumber(p.denominator);
  }
  return std::isnan(p.value) ? "missing" : FormatNumber(p.value);
}

struct StoredPoint {
  int revision;
  PointValues values;
};

// The latest revision of every point of one series, by period.
Result<std::map<int32_t, StoredPoint>> LatestPoints(const Db& db, std::int64_t series_id) {
  auto select =
      Statement::Prepare(db,
                         "SELECT period, revision, value, numerator, denominator, subgroup_sd "
                         "FROM observations WHERE series_id = ? ORDER BY period, revision");
  if (!select.ok()) return select.status();
  select->Bind(1, series_id);
  std::map<int32_t, StoredPoint> points;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    points[static_cast<int32_t>(select->Int(0))] = {
        static_cast<int>(select->Int(1)),
        {select->Real(2), select->Real(3), select->Real(4), select->Real(5)}};
  }
  return points;
}

// The id of the series row for (indicator, organisation), made when missing.
Result<std::int64_t> SeriesId(const Db& db, const Series& series) {
  auto insert = Statement::Prepare(
      db,
      "INSERT INTO series (indicator_id, organisation, period_kind) VALUES (?, ?, ?) "
      "ON CONFLICT (indicator_id, organisation) DO UPDATE SET period_kind = "
      "excluded.period_kind RETURNING id");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, series.indicator_id).Bind(2, series.organisation);
  insert->Bind(3, PeriodKindName(series.period_kind));
  auto row = insert->Step();
  if (!row.ok()) return row.status();
  return insert->Int(0);
}

// Whether the workspace defines the indicator (a series may only be imported under one).
Result<bool> IsDefined(const Db& db, const std::string& id) {
  auto select = Statement::Prepare(db, "SELECT 1 FROM indicators WHERE id = ?");
  if (!select.ok()) return select.status();
  select->Bind(1, id);
  return select->Step();
}

}  // namespace

Result<ImportOutcome> SqliteWorkspace::Import(const Change& change, const ImportFile& file,
                                              const Catalogue* catalogue,
                                              const std::vector<Series>& all_series) {
  if (Status status = CheckWritable(); !status.ok()) return status;
  Transaction transaction(db_);
  if (Status status = transaction.Begin(); !status.ok()) return status;
  ImportOutcome outcome;
  if (catalogue != nullptr) {
    for (const Indicator& indicator : catalogue->indicators) {
      auto written = WriteDefinition(change, indicator);
      if (!written.ok()) return written.status();
      outcome.indicators_defined += written->second ? 1 : 0;
    }
    auto decisions = RecordCatalogueDecisions(change, *catalogue);
    if (!decisions.ok()) return decisions.status();
    outcome.decisions_recorded = decisions.value();
  }

  auto record = Statement::Prepare(
      db_,
      "INSERT INTO imports (file_name, sha256, imported_by, imported_at, reason) "
      "VALUES (?, ?, ?, ?, ?) RETURNING id");
  if (!record.ok()) return record.status();
  record->Bind(1, file.name).Bind(2, file.sha256).Bind(3, change.user);
  record->Bind(4, FormatChangeTime(change.at)).Bind(5, change.reason);
  if (auto row = record->Step(); !row.ok()) return row.status();
  const std::int64_t import_id = record->Int(0);
  record->Reset();

  auto insert = Statement::Prepare(
      db_,
      "INSERT INTO observations (series_id, period, revision, value, numerator, "
      "denominator, subgroup_sd, import_id, line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)");
  if (!insert.ok()) return insert.status();
  std::map<std::string, ImportedIndicator> per_indicator;
  std::string corrected_before, corrected_after;
  for (const Series& series : all_series) {
    auto defined = IsDefined(db_, series.indicator_id);
    if (!defined.ok()) return defined.status();
    if (!defined.value()) {
      return Status::InvalidArgument(file.name + ": indicator '" + series.indicator_id +
                                     "' has no definition in the workspace or the catalogue");
    }
    auto series_id = SeriesId(db_, series);
    if (!series_id.ok()) return series_id.status();
    auto stored = LatestPoints(db_, series_id.value());
    if (!stored.ok()) return stored.status();
    ImportedIndicator& counts = per_indicator[series.indicator_id];
    counts.indicator_id = series.indicator_id;
    for (std::size_t i = 0; i < series.size(); ++i) {
      const int32_t period = series.periods[i].days_since_epoch();
      const PointValues point = PointOf(series, i);
      int revision = 1;
      if (auto found = stored->find(period); found != stored->end()) {
        if (SameValues(found->second.values, point)) {
          ++counts.unchanged;
          continue;
        }
        revision = found->second.revision + 1;
        ++counts.corrected;
        const std::string where = series.indicator_id + " " + series.organisation + " " +
                                  FormatPeriod(series.periods[i], series.period_kind) + ": ";
        corrected_before += where + DescribePoint(found->second.values) + "\n";
        corrected_after += where + DescribePoint(point) + "\n";
      } else {
        ++counts.added;
      }
      insert->Bind(1, series_id.value()).Bind(2, std::int64_t{period});
      insert->Bind(3, std::int64_t{revision}).Bind(4, point.value).Bind(5, point.numerator);
      insert->Bind(6, point.denominator).Bind(7, point.subgroup_sd).Bind(8, import_id);
      if (Status status = insert->Run(); !status.ok()) return status;
    }
  }
  std::int64_t added = 0, corrected = 0, unchanged = 0;
  for (auto& [id, counts] : per_indicator) {
    added += counts.added;
    corrected += counts.corrected;
    unchanged += counts.unchanged;
    outcome.indicators.push_back(counts);
  }
  if (added + corrected == 0 && outcome.indicators_defined == 0 &&
      outcome.decisions_recorded == 0) {
    // Nothing changed: record nothing (the transaction rolls back), and say which earlier
    // import held the same bytes.
    auto same = Statement::Prepare(db_, "SELECT min(id) FROM imports WHERE sha256 = ? AND id <> ?");
    if (!same.ok()) return same.status();
    same->Bind(1, file.sha256).Bind(2, import_id);
    if (auto row = same->Step(); row.ok() && row.value()) outcome.same_as_import = same->Int(0);
    return outcome;
  }
  outcome.import_id = import_id;
  const std::string summary = "file=" + file.name + "\nsha256=" + file.sha256 +
                              "\nadded=" + std::to_string(added) +
                              "\ncorrected=" + std::to_string(corrected) +
                              "\nunchanged=" + std::to_string(unchanged) + "\n";
  Status audited = AppendAudit(db_, change,
                               {.action = "import",
                                .subject = "import " + std::to_string(import_id),
                                .before = corrected_before,
                                .after = summary + corrected_after});
  if (!audited.ok()) return audited;
  if (Status status = transaction.Commit(); !status.ok()) return status;
  return outcome;
}

Result<std::vector<ImportRecord>> SqliteWorkspace::Imports() {
  auto select = Statement::Prepare(
      db_,
      "SELECT id, file_name, sha256, imported_by, imported_at, reason FROM imports "
      "ORDER BY id");
  if (!select.ok()) return select.status();
  std::vector<ImportRecord> imports;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    imports.push_back({select->Int(0), select->Text(1), select->Text(2), select->Text(3),
                       select->Text(4), select->Text(5)});
  }
  return imports;
}

Status SqliteWorkspace::ForEachSeries(const std::function<Status(Series&&)>& on_series) {
  // Revisions come in ascending order within a period, so the last row of a period is the
  // latest revision: it overwrites the earlier ones as they are read.
  auto select = Statement::Prepare(
      db_,
      "SELECT s.id, s.indicator_id, s.organisation, s.period_kind, o.period, o.value, "
      "o.numerator, o.denominator, o.subgroup_sd FROM series s "
      "JOIN observations o ON o.series_id = s.id "
      "ORDER BY s.indicator_id, s.organisation, o.period, o.revision");
  if (!select.ok()) return select.status();
  Series series;
  std::int64_t current = -1;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.status();
    if (!row.value() || select->Int(0) != current) {
      if (current != -1) {
        if (Status status = on_series(std::move(series)); !status.ok()) return status;
      }
      if (!row.value()) break;
      series = Series{};
      current = select->Int(0);
      series.indicator_id = select->Text(1);
      series.organisation = select->Text(2);
      const std::string kind = select->Text(3);
      for (const auto& [value, name] : PeriodKindNames()) {
        if (name == kind) series.period_kind = value;
      }
    }
    const Date period(static_cast<int32_t>(select->Int(4)));
    const Observation observation{.period = period,
                                  .value = select->Real(5),
                                  .numerator = select->Real(6),
                                  .denominator = select->Real(7),
                                  .subgroup_sd = select->Real(8)};
    if (series.size() > 0 && series.periods.back() == period) {
      series.values.back() = observation.value;
      series.numerators.back() = observation.numerator;
      series.denominators.back() = observation.denominator;
      series.subgroup_sds.back() = observation.subgroup_sd;
    } else {
      series.Add(observation);
    }
  }
  return Status::Ok();
}

Result<std::vector<PointRevision>> SqliteWorkspace::PointHistory(const std::string& indicator_id,
                                                                 const std::string& organisation,
                                                                 Date period) {
  auto select = Statement::Prepare(
      db_,
      "SELECT o.revision, o.value, o.numerator, o.denominator, o.subgroup_sd, o.line, "
      "i.id, i.file_name, i.sha256, i.imported_by, i.imported_at, i.reason "
      "FROM series s JOIN observations o ON o.series_id = s.id "
      "JOIN imports i ON i.id = o.import_id "
      "WHERE s.indicator_id = ? AND s.organisation = ? AND o.period = ? ORDER BY o.revision");
  if (!select.ok()) return select.status();
  select->Bind(1, indicator_id).Bind(2, organisation);
  select->Bind(3, std::int64_t{period.days_since_epoch()});
  std::vector<PointRevision> revisions;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    PointRevision revision;
    revision.revision = static_cast<int>(select->Int(0));
    revision.observation = {.period = period,
                            .value = select->Real(1),
                            .numerator = select->Real(2),
                            .denominator = select->Real(3),
                            .subgroup_sd = select->Real(4)};
    revision.line = static_cast<int>(select->Int(5));
    revision.import = {select->Int(6),  select->Text(7),  select->Text(8),
                       select->Text(9), select->Text(10), select->Text(11)};
    revisions.push_back(std::move(revision));
  }
  return revisions;
}

}  // namespace kaizen::store
