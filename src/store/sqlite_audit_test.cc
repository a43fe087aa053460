// The audit log: one entry per change with who, when and what; SHA-256 and the entry hash checked
// against computations made here from their definitions; the database's refusal of edits; and
// VerifyAudit naming the first bad entry after an attacker with the file drops the triggers.
#include "store/sqlite_audit.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <string>
#include <vector>

#include "kaizen/workspace.h"
#include "test_support.h"

namespace kaizen {
namespace {

using std::chrono::hours;
using std::chrono::sys_days;

// 2024-06-03 09:00 UTC plus `hour_offset` hours, and the text the log must show for it.
Change At(const std::string& user, int hour_offset) {
  using namespace std::chrono;
  return {.user = user,
          .at = sys_days{year{2024} / June / 3} + hours{9 + hour_offset},
          .reason = "monthly update"};
}

Indicator Definition(const std::string& id, const std::string& name) {
  Indicator d = testing::MakeIndicator(ChartType::kXmr, Direction::kHigherIsBetter, "mdc");
  d.id = id;
  d.name = name;
  return d;
}

// Four changes, by four users an hour apart: define ae-4h, rename it (version 2), import three
// months of it for RXX, define beds.
void MakeFourChanges(Workspace* w) {
  ASSERT_EQ(w->DefineIndicator(At("alice", 0), Definition("ae-4h", "Four hours")).value(), 1);
  ASSERT_EQ(w->DefineIndicator(At("bob", 1), Definition("ae-4h", "A&E four hours")).value(), 2);
  Series series = testing::MonthlyValues({71.5, 73.25, 70.0});
  series.indicator_id = "ae-4h";
  series.organisation = "RXX";
  auto imported = w->Import(At("carol", 2), {"may.csv", std::string(64, 'a')}, nullptr, {series});
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  ASSERT_EQ(imported->import_id, 1);
  ASSERT_EQ(w->DefineIndicator(At("dave", 3), Definition("beds", "Bed occupancy")).value(), 1);
}

std::string MakeWorkspace(const testing::TemporaryDirectory& dir) {
  const std::string path = dir.path() + "/w.kaizen";
  auto w = OpenWorkspace(path, WorkspaceMode::kCreate);
  EXPECT_TRUE(w.ok()) << w.status().ToString();
  if (w.ok()) MakeFourChanges(w->get());
  return path;
}

struct SqlOutcome {
  int rc;
  std::string message;
};

// Runs `sql` on the file outside kaizen, as anyone holding the file could.
SqlOutcome RawSql(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open(path.c_str(), &db);
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  SqlOutcome outcome{rc, error ? error : ""};
  sqlite3_free(error);
  sqlite3_close(db);
  return outcome;
}

const char* kDropTriggers = "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ";

AuditVerdict VerifyFile(const std::string& path) {
  auto w = OpenWorkspace(path, WorkspaceMode::kReadOnly);
  EXPECT_TRUE(w.ok()) << w.status().ToString();
  if (!w.ok()) return {};
  auto verdict = w.value()->VerifyAudit();
  EXPECT_TRUE(verdict.ok()) << verdict.status().ToString();
  return verdict.ok() ? verdict.value() : AuditVerdict{};
}

// The framing docs/workspace.md gives for the entry hash, written out again here: each field
// as its byte count (8 bytes, little-endian) followed by its bytes.
std::string Framed(const std::string& field) {
  std::string framed;
  std::uint64_t size = field.size();
  for (int i = 0; i < 8; ++i) {
    framed += static_cast<char>(size & 0xff);
    size >>= 8;
  }
  return framed + field;
}

std::string ExpectedHash(const std::string& previous, const AuditEntry& e) {
  return Sha256Hex(Framed(previous) + Framed(std::to_string(e.seq)) + Framed(e.at) +
                   Framed(e.user) + Framed(e.action) + Framed(e.subject) + Framed(e.before) +
                   Framed(e.after));
}

TEST(Sha256HexTest, MatchesTheFipsExamples) {
  // FIPS 180-2, appendix B.1 ("abc") and B.2 (the 448-bit message); the empty string's digest
  // is the one every SHA-256 implementation lists.
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(AuditLogTest, OneEntryPerChangeWithWhoWhenAndWhat) {
  testing::TemporaryDirectory dir("kaizen-audit");
  const std::string path = MakeWorkspace(dir);
  auto w = OpenWorkspace(path, WorkspaceMode::kReadOnly);
  ASSERT_TRUE(w.ok());
  auto log = w.value()->AuditLog();
  ASSERT_TRUE(log.ok()) << log.status().ToString();
  ASSERT_EQ(log->size(), 4u);
  const std::vector<std::string> users = {"alice", "bob", "carol", "dave"};
  const std::vector<std::string> times = {"2024-06-03T09:00:00Z", "2024-06-03T10:00:00Z",
                                          "2024-06-03T11:00:00Z", "2024-06-03T12:00:00Z"};
  const std::vector<std::string> actions = {"define_indicator", "define_indicator", "import",
                                            "define_indicator"};
  const std::vector<std::string> subjects = {"indicator ae-4h version 1",
                                             "indicator ae-4h version 2", "import 1",
                                             "indicator beds version 1"};
  for (std::size_t i = 0; i < 4; ++i) {
    const AuditEntry& e = log.value()[i];
    EXPECT_EQ(e.seq, static_cast<std::int64_t>(i + 1));
    EXPECT_EQ(e.user, users[i]);
    EXPECT_EQ(e.at, times[i]);
    EXPECT_EQ(e.action, actions[i]);
    EXPECT_EQ(e.subject, subjects[i]);
  }
  // A new definition has no before; its rename's before holds the old name, after the new.
  EXPECT_EQ(log.value()[0].before, "");
  EXPECT_NE(log.value()[1].before.find("name=Four hours\n"), std::string::npos);
  EXPECT_NE(log.value()[1].after.find("name=A&E four hours\n"), std::string::npos);
  EXPECT_NE(log.value()[2].after.find("added=3\n"), std::string::npos);

  auto verdict = w.value()->VerifyAudit();
  ASSERT_TRUE(verdict.ok());
  EXPECT_TRUE(verdict->ok());
  EXPECT_EQ(verdict->entries, 4);
  EXPECT_EQ(verdict->problem, "");
}

TEST(AuditLogTest, EachHashChainsThePreviousHashAndTheEntrysFields) {
  testing::TemporaryDirectory dir("kaizen-audit");
  const std::string path = MakeWorkspace(dir);
  auto w = OpenWorkspace(path, WorkspaceMode::kReadOnly);
  ASSERT_TRUE(w.ok());
  auto log = w.value()->AuditLog();
  ASSERT_TRUE(log.ok());
  std::string previous(64, '0');  // the first entry chains to 64 zeros
  for (const AuditEntry& e : log.value()) {
    EXPECT_EQ(e.hash, ExpectedHash(previous, e)) << "entry " << e.seq;
    EXPECT_EQ(store::AuditHash(previous, e), ExpectedHash(previous, e)) << "entry " << e.seq;
    previous = e.hash;
  }
  // The length prefix keeps "ab"+"c" and "a"+"bc" apart.
  AuditEntry a{.seq = 1, .at = "ab", .user = "c"}, b{.seq = 1, .at = "a", .user = "bc"};
  EXPECT_NE(store::AuditHash(previous, a), store::AuditHash(previous, b));
}

TEST(AuditLogTest, TheDatabaseRefusesUpdatesAndDeletes) {
  testing::TemporaryDirectory dir("kaizen-audit");
  const std::string path = MakeWorkspace(dir);
  SqlOutcome update = RawSql(path, "UPDATE audit_log SET user_name = 'mallory' WHERE seq = 2");
  EXPECT_EQ(update.rc, SQLITE_CONSTRAINT);
  EXPECT_EQ(update.message, "the audit log is append-only");
  SqlOutcome remove = RawSql(path, "DELETE FROM audit_log WHERE seq = 4");
  EXPECT_EQ(remove.rc, SQLITE_CONSTRAINT);
  EXPECT_EQ(remove.message, "the audit log is append-only");
  EXPECT_TRUE(VerifyFile(path).ok());
  EXPECT_EQ(VerifyFile(path).entries, 4);
}

struct Tampering {
  const char* name;
  const char* sql;
  std::int64_t first_bad;
  const char* problem;  // a part of the verdict's problem
};

class AuditTamperingTest : public ::testing::TestWithParam<Tampering> {};

TEST_P(AuditTamperingTest, VerifyNamesTheFirstBadEntry) {
  testing::TemporaryDirectory dir("kaizen-audit");
  const std::string path = MakeWorkspace(dir);
  SqlOutcome tampered = RawSql(path, std::string(kDropTriggers) + GetParam().sql);
  ASSERT_EQ(tampered.rc, SQLITE_OK) << tampered.message;
  const AuditVerdict verdict = VerifyFile(path);
  EXPECT_FALSE(verdict.ok());
  EXPECT_EQ(verdict.first_bad, GetParam().first_bad);
  EXPECT_NE(verdict.problem.find(GetParam().problem), std::string::npos) << verdict.problem;
}

INSTANTIATE_TEST_SUITE_P(
    EditsDeletionsAndMoves, AuditTamperingTest,
    ::testing::Values(
        Tampering{"EditedBefore", "UPDATE audit_log SET before = 'name=Other' WHERE seq = 2", 2,
                  "edited"},
        Tampering{"EditedAfter", "UPDATE audit_log SET after = 'added=30' WHERE seq = 3", 3,
                  "edited"},
        Tampering{"EditedUser", "UPDATE audit_log SET user_name = 'mallory' WHERE seq = 1", 1,
                  "edited"},
        Tampering{"DeletedMiddle", "DELETE FROM audit_log WHERE seq = 2", 3, "entry 2 is missing"},
        // Entries 2 and 3 trade places (seq is the primary key: through a free number).
        Tampering{"Swapped",
                  "UPDATE audit_log SET seq = -2 WHERE seq = 2;"
                  "UPDATE audit_log SET seq = 2 WHERE seq = 3;"
                  "UPDATE audit_log SET seq = 3 WHERE seq = -2;",
                  2, "reordered"},
        // Entries 3 and 4 removed and the last renumbered 3: gap-free, but chained wrongly.
        Tampering{
            "DeletedAndRenumbered",
            "DELETE FROM audit_log WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = 4;", 3,
            "removed"}),
    [](const ::testing::TestParamInfo<Tampering>& p) { return p.param.name; });

// The chain alone cannot see its last entries cut off: what is left is a valid, shorter chain
// (docs/workspace.md, "The audit log", says so).
TEST(AuditLogTest, ADeletedLastEntryIsNotVisibleToTheChainAlone) {
  testing::TemporaryDirectory dir("kaizen-audit");
  const std::string path = MakeWorkspace(dir);
  ASSERT_EQ(RawSql(path, std::string(kDropTriggers) + "DELETE FROM audit_log WHERE seq = 4").rc,
            SQLITE_OK);
  const AuditVerdict verdict = VerifyFile(path);
  EXPECT_TRUE(verdict.ok());
  EXPECT_EQ(verdict.entries, 3);
}

// ... but a frozen pack records the seq of its own freeze entry: a log shorter than that lost
// entries.
TEST(AuditLogTest, ALogCutBelowAFrozenPacksMarkIsCaught) {
  testing::TemporaryDirectory dir("kaizen-audit");
  const std::string path = MakeWorkspace(dir);
  {
    auto w = OpenWorkspace(path, WorkspaceMode::kOpen);
    ASSERT_TRUE(w.ok());
    FrozenPack pack{.title = "Board, June 2024", .html = "<html>June</html>"};
    ASSERT_EQ(w.value()->Freeze(At("erin", 4), pack).value(), 1);  // its entry is seq 5
  }
  EXPECT_TRUE(VerifyFile(path).ok());
  ASSERT_EQ(RawSql(path, std::string(kDropTriggers) + "DELETE FROM audit_log WHERE seq = 5").rc,
            SQLITE_OK);
  AuditVerdict verdict = VerifyFile(path);
  EXPECT_EQ(verdict.first_bad, 5);
  EXPECT_EQ(verdict.problem,
            "entry 5 is missing: the log ends at entry 4 but frozen pack 1 saw entry 5");
  // Cutting more makes no difference to which entry is named first.
  ASSERT_EQ(RawSql(path, "DELETE FROM audit_log WHERE seq = 4").rc, SQLITE_OK);
  verdict = VerifyFile(path);
  EXPECT_EQ(verdict.first_bad, 4);
}

}  // namespace
}  // namespace kaizen
