// Imports: series become observations, each point's revisions kept (a correction supersedes a
// value and keeps the old one), all of one import in one transaction.
//
// Speed (docs/performance.md, "The workspace"): every statement is prepared once per import,
// not once per series; a series new to the workspace skips the look-up of its stored points;
// and observations are written kBatchRows to a statement, because stepping and resetting a
// statement costs more than binding its values.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <unordered_set>
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

// A point as its history reads (DescribePointValue): "12.3", "4/120".
std::string DescribePoint(const PointValues& p) {
  return DescribePointValue(
      {.value = p.value, .numerator = p.numerator, .denominator = p.denominator});
}

// The latest revision of one stored point.
struct StoredPoint {
  std::int32_t period;
  int revision;
  PointValues values;
};

// One observation row to write.
struct NewRow {
  std::int64_t series_id;
  std::int32_t period;
  int revision;
  PointValues values;
  std::int32_t line;  // of the file it came from; 0 when not known
};

// Rows per multi-row INSERT: 32 rows of 9 parameters, far below SQLite's parameter limit;
// larger batches measured no faster.
constexpr std::size_t kBatchRows = 32;

std::string InsertObservationsSql(std::size_t rows) {
  std::string sql =
      "INSERT INTO observations (series_id, period, revision, value, numerator, denominator, "
      "subgroup_sd, import_id, line) VALUES ";
  for (std::size_t i = 0; i < rows; ++i)
    sql += i == 0 ? "(?,?,?,?,?,?,?,?,?)" : ",(?,?,?,?,?,?,?,?,?)";
  return sql;
}

// Writes the observations of one import, kBatchRows to a statement; Finish writes the rest
// one by one. Rows go in the order they are added.
class ObservationWriter {
 public:
  static Result<ObservationWriter> Prepare(const Db& db, std::int64_t import_id) {
    auto batch = Statement::Prepare(db, InsertObservationsSql(kBatchRows));
    if (!batch.ok()) return batch.status();
    auto single = Statement::Prepare(db, InsertObservationsSql(1));
    if (!single.ok()) return single.status();
    return ObservationWriter(std::move(batch).value(), std::move(single).value(), import_id);
  }

  Status Add(const NewRow& row) {
    pending_.push_back(row);
    if (pending_.size() < kBatchRows) return Status::Ok();
    for (std::size_t i = 0; i < pending_.size(); ++i)
      BindRow(batch_, kRowParameters * static_cast<int>(i), pending_[i]);
    pending_.clear();
    return batch_.Run();
  }

  Status Finish() {
    for (const NewRow& row : pending_) {
      BindRow(single_, 0, row);
      if (Status status = single_.Run(); !status.ok()) return status;
    }
    pending_.clear();
    return Status::Ok();
  }

 private:
  ObservationWriter(Statement batch, Statement single, std::int64_t import_id)
      : batch_(std::move(batch)), single_(std::move(single)), import_id_(import_id) {
    pending_.reserve(kBatchRows);
  }

  static constexpr int kRowParameters = 9;

  // Binds `row` to the nine parameters after `offset`.
  void BindRow(Statement& statement, int offset, const NewRow& row) const {
    statement.Bind(offset + 1, row.series_id).Bind(offset + 2, std::int64_t{row.period});
    statement.Bind(offset + 3, std::int64_t{row.revision}).Bind(offset + 4, row.values.value);
    statement.Bind(offset + 5, row.values.numerator).Bind(offset + 6, row.values.denominator);
    statement.Bind(offset + 7, row.values.subgroup_sd).Bind(offset + 8, import_id_);
    statement.Bind(offset + 9, std::int64_t{row.line});
  }

  Statement batch_;
  Statement single_;
  std::int64_t import_id_;
  std::vector<NewRow> pending_;
};

// The look-ups an import makes per series, each statement prepared once.
class SeriesLookups {
 public:
  static Result<SeriesLookups> Prepare(const Db& db) {
    auto defined = Statement::Prepare(db, "SELECT 1 FROM indicators WHERE id = ?");
    if (!defined.ok()) return defined.status();
    auto find = Statement::Prepare(
        db, "SELECT id, period_kind FROM series WHERE indicator_id = ? AND organisation = ?");
    if (!find.ok()) return find.status();
    auto insert = Statement::Prepare(
        db,
        "INSERT INTO series (indicator_id, organisation, period_kind) VALUES (?, ?, ?) "
        "RETURNING id");
    if (!insert.ok()) return insert.status();
    auto kind = Statement::Prepare(db, "UPDATE series SET period_kind = ? WHERE id = ?");
    if (!kind.ok()) return kind.status();
    auto latest =
        Statement::Prepare(db,
                           "SELECT period, revision, value, numerator, denominator, subgroup_sd "
                           "FROM observations WHERE series_id = ? ORDER BY period, revision");
    if (!latest.ok()) return latest.status();
    return SeriesLookups(std::move(defined).value(), std::move(find).value(),
                         std::move(insert).value(), std::move(kind).value(),
                         std::move(latest).value());
  }

  // Whether the workspace defines the indicator (a series may only be imported under one).
  Result<bool> IsDefined(const std::string& indicator_id) {
    if (defined_ids_.count(indicator_id) != 0) return true;
    defined_.Bind(1, indicator_id);
    auto row = defined_.Step();
    defined_.Reset();
    if (!row.ok()) return row.status();
    if (row.value()) defined_ids_.insert(indicator_id);
    return row.value();
  }

  // The id of the series row for (indicator, organisation), made when missing (then *is_new),
  // its period kind set to the series'.
  Result<std::int64_t> Id(const Series& series, bool* is_new) {
    find_.Bind(1, series.indicator_id).Bind(2, series.organisation);
    auto found = find_.Step();
    if (!found.ok()) return found.status();
    *is_new = !found.value();
    const std::string_view kind = PeriodKindName(series.period_kind);
    if (found.value()) {
      const std::int64_t id = find_.Int(0);
      const bool same_kind = find_.Text(1) == kind;
      find_.Reset();
      if (same_kind) return id;
      update_kind_.Bind(1, kind).Bind(2, id);
      if (Status status = update_kind_.Run(); !status.ok()) return status;
      return id;
    }
    find_.Reset();
    insert_.Bind(1, series.indicator_id).Bind(2, series.organisation).Bind(3, kind);
    auto row = insert_.Step();
    if (!row.ok()) return row.status();
    const std::int64_t id = insert_.Int(0);
    insert_.Reset();
    return id;
  }

  // The latest revision of every stored point of one series, by period.
  Status LatestPoints(std::int64_t series_id, std::vector<StoredPoint>* points) {
    points->clear();
    latest_.Bind(1, series_id);
    for (;;) {
      auto row = latest_.Step();
      if (!row.ok()) return row.status();
      if (!row.value()) break;
      const auto period = static_cast<std::int32_t>(latest_.Int(0));
      // Revisions come in ascending order within a period: the last one read is the latest.
      if (points->empty() || points->back().period != period) points->push_back({period, 0, {}});
      points->back().revision = static_cast<int>(latest_.Int(1));
      points->back().values = {latest_.Real(2), latest_.Real(3), latest_.Real(4), latest_.Real(5)};
    }
    latest_.Reset();
    return Status::Ok();
  }

 private:
  SeriesLookups(Statement defined, Statement find, Statement insert, Statement kind,
                Statement latest)
      : defined_(std::move(defined)),
        find_(std::move(find)),
        insert_(std::move(insert)),
        update_kind_(std::move(kind)),
        latest_(std::move(latest)) {}

  Statement defined_, find_, insert_, update_kind_, latest_;
  std::unordered_set<std::string> defined_ids_;
};

// What importing the series so far has counted and the corrections' before and after text.
struct ImportTally {
  std::map<std::string, ImportedIndicator> per_indicator;
  std::string corrected_before, corrected_after;
};

// Compares one series with its stored points (sorted by period) and writes the points that are
// new or corrected. A binary search per point, not a merge, so the series' own order does not
// matter.
Status ImportPoints(const Series& series, std::int64_t series_id,
                    const std::vector<StoredPoint>& stored, ObservationWriter& writer,
                    ImportTally& tally) {
  ImportedIndicator& counts = tally.per_indicator[series.indicator_id];
  counts.indicator_id = series.indicator_id;
  // A reader that kept each point's line gives one per point; anything else records 0.
  const bool has_lines = series.source_lines.size() == series.size();
  for (std::size_t i = 0; i < series.size(); ++i) {
    const std::int32_t period = series.periods[i].days_since_epoch();
    const PointValues point = PointOf(series, i);
    const auto next =
        std::lower_bound(stored.begin(), stored.end(), period,
                         [](const StoredPoint& p, std::int32_t key) { return p.period < key; });
    int revision = 1;
    if (next != stored.end() && next->period == period) {
      if (SameValues(next->values, point)) {
        ++counts.unchanged;
        continue;
      }
      revision = next->revision + 1;
      ++counts.corrected;
      const std::string where = series.indicator_id + " " + series.organisation + " " +
                                FormatPeriod(series.periods[i], series.period_kind) + ": ";
      tally.corrected_before += where + DescribePoint(next->values) + "\n";
      tally.corrected_after += where + DescribePoint(point) + "\n";
    } else {
      ++counts.added;
    }
    const std::int32_t line = has_lines ? series.source_lines[i] : 0;
    if (Status status = writer.Add({series_id, period, revision, point, line}); !status.ok()) {
      return status;
    }
  }
  return Status::Ok();
}

// What one import changes in the connection, restored after (both are per connection and, for
// foreign_keys, take effect only outside a transaction, so this is made before BEGIN):
//  - a larger page cache (64 MiB, not SQLite's 2 MiB): with the small cache the import spills
//    dirty pages to the WAL before it commits and writes some of them again;
//  - foreign keys off: checking each observation's two references costs two b-tree look-ups a
//    row, 15 % of an import (docs/performance.md). Every reference an import writes is one it
//    has just made or found in the same transaction (the series row, the import row, indicators
//    defined first), and CheckReferences checks the tables other than observations before
//    commit, so nothing unreferenced can land; every other writer keeps the checks.
// Memory and speed, not durability: synchronous=NORMAL and the WAL are unchanged.
class ImportSettings {
 public:
  explicit ImportSettings(const Db& db) : db_(db) {
    foreign_keys_off_ = Exec(db, "PRAGMA foreign_keys=OFF").ok();
    auto size = Statement::Prepare(db, "PRAGMA cache_size");
    if (!size.ok()) return;
    if (auto row = size->Step(); !row.ok() || !row.value()) return;
    previous_ = size->Int(0);
    // A failure leaves the cache as it was: slower, not wrong.
    if (!Exec(db, "PRAGMA cache_size=" + std::to_string(kImportCacheSize)).ok()) previous_ = 0;
  }
  ~ImportSettings() {
    if (previous_ != 0) (void)Exec(db_, "PRAGMA cache_size=" + std::to_string(previous_));
    if (foreign_keys_off_) (void)Exec(db_, "PRAGMA foreign_keys=ON");
  }
  ImportSettings(const ImportSettings&) = delete;
  ImportSettings& operator=(const ImportSettings&) = delete;

 private:
  static constexpr std::int64_t kImportCacheSize = -65536;  // negative: KiB, not pages
  const Db& db_;
  std::int64_t previous_ = 0;
  bool foreign_keys_off_ = false;
};

// The references an import writes outside observations (series, decisions, commentary,
// annotations), checked while the foreign keys are off: small tables, so a quick check. A
// violation is a bug in kaizen, not in the file: Internal, and the import rolls back.
Status CheckReferences(const Db& db) {
  for (const char* table : {"series", "proposals", "commentary", "annotations"}) {
    auto check = Statement::Prepare(db, std::string("PRAGMA foreign_key_check(") + table + ")");
    if (!check.ok()) return check.status();
    auto row = check->Step();
    if (!row.ok()) return row.status();
    if (row.value()) {
      return Status::Internal(db.path + ": the import would leave a row of " + table +
                              " referring to a missing " + check->Text(2) +
                              "; nothing was imported");
    }
  }
  return Status::Ok();
}

// Imports every series' points under `import_id`, counting them in `tally`.
Status ImportAllSeries(const Db& db, const std::string& file_name, std::int64_t import_id,
                       const std::vector<Series>& all_series, ImportTally& tally) {
  auto lookups = SeriesLookups::Prepare(db);
  if (!lookups.ok()) return lookups.status();
  auto writer = ObservationWriter::Prepare(db, import_id);
  if (!writer.ok()) return writer.status();
  std::vector<StoredPoint> stored;
  for (const Series& series : all_series) {
    auto defined = lookups->IsDefined(series.indicator_id);
    if (!defined.ok()) return defined.status();
    if (!defined.value()) {
      return Status::InvalidArgument(file_name + ": indicator '" + series.indicator_id +
                                     "' has no definition in the workspace or the catalogue");
    }
    bool is_new = false;
    auto series_id = lookups->Id(series, &is_new);
    if (!series_id.ok()) return series_id.status();
    stored.clear();
    // A series just made has no points: no need to look.
    if (!is_new) {
      if (Status status = lookups->LatestPoints(series_id.value(), &stored); !status.ok()) {
        return status;
      }
    }
    Status status = ImportPoints(series, series_id.value(), stored, writer.value(), tally);
    if (!status.ok()) return status;
  }
  return writer->Finish();
}

}  // namespace

Result<ImportOutcome> SqliteWorkspace::Import(const Change& change, const ImportFile& file,
                                              const Catalogue* catalogue,
                                              const std::vector<Series>& all_series) {
  if (Status status = CheckWritable(); !status.ok()) return status;
  ImportSettings settings(db_);
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
    auto titled = WriteTitle(change, catalogue->title);
    if (!titled.ok()) return titled.status();
    outcome.title_changed = titled.value();
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

  ImportTally tally;
  if (Status status = ImportAllSeries(db_, file.name, import_id, all_series, tally); !status.ok()) {
    return status;
  }
  auto comments = RecordDataComments(change, file);
  if (!comments.ok()) return comments.status();
  outcome.comments_recorded = comments.value();
  std::int64_t added = 0, corrected = 0, unchanged = 0;
  for (auto& [id, counts] : tally.per_indicator) {
    added += counts.added;
    corrected += counts.corrected;
    unchanged += counts.unchanged;
    outcome.indicators.push_back(counts);
  }
  if (added + corrected == 0 && outcome.indicators_defined == 0 &&
      outcome.decisions_recorded == 0 && outcome.comments_recorded == 0 && !outcome.title_changed) {
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
                                .before = tally.corrected_before,
                                .after = summary + tally.corrected_after});
  if (!audited.ok()) return audited;
  if (Status status = CheckReferences(db_); !status.ok()) return status;
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
