// kaizen freeze, packs, audit, backup and restore on a workspace holding the bundled A&E example
// (examples/nhs-ae), made through the C++ API: frozen bytes come back exactly and match the
// printed sha256; `audit verify` passes, then names the entry an attacker edited; a backup
// restores the workspace as it was.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>

#include "cli_harness.h"
#include "kaizen/catalogue.h"
#include "kaizen/ingest.h"
#include "kaizen/workspace.h"
#include "test_support.h"
#include "workspace_test_support.h"

namespace kaizen {
namespace {

using json = nlohmann::json;

// The catalogue's three indicators are defined (audit entries 1-3), its decisions recorded
// (entry 4, one entry for all of them), its title kept (entry 5), then its 540 rows imported
// (entry 6): so the first freeze is entry 7.
constexpr int kEntriesAfterImport = 6;

void MakeWorkspace(const std::string& path) {
  Diagnostics diagnostics;
  auto catalogue =
      ReadCatalogue(testing::SourcePath("examples/nhs-ae/indicators.toml"), &diagnostics);
  ASSERT_TRUE(catalogue.ok()) << catalogue.status().ToString();
  ASSERT_EQ(catalogue->indicators.size(), 3u);
  const std::string data = testing::SourcePath("examples/nhs-ae/ae_type1.csv");
  auto series = ReadAllSeries(data, &catalogue.value(), {}, &diagnostics);
  ASSERT_TRUE(series.ok()) << series.status().ToString();
  auto w = OpenWorkspace(path, WorkspaceMode::kCreate);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  using namespace std::chrono;
  const Change change{.user = "loader", .at = sys_days{year{2024} / May / 31}, .reason = "May"};
  auto imported = w.value()->Import(change, {"ae_type1.csv", Sha256OfFile(data).value()},
                                    &catalogue.value(), series.value());
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  ASSERT_EQ(imported->import_id, 1);
}

using testing::RawSql;

class WorkspacePacksTest : public CliTest {
 protected:
  void SetUp() override {
    CliTest::SetUp();
    db_ = dir_ + "/w.kaizen";
    MakeWorkspace(db_);
  }
  // Freezes the May board pack; returns the sha256 it printed.
  std::string FreezeMay(const std::string& extra = "") {
    CliRun r = Kaizen("freeze --db '" + db_ +
                      "' --title 'Board, May 2024' --as-of 2024-06-03 --user jsmith "
                      "--reason 'May board' " +
                      extra);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    std::smatch match;
    const std::regex printed(
        "^frozen pack ([0-9]+): Board, May 2024 \\(sha256 ([0-9a-f]{64})\\)\n$");
    EXPECT_TRUE(std::regex_match(r.out, match, printed)) << r.out;
    return match.size() == 3 ? match[2].str() : "";
  }
  FrozenPack StoredPack(std::int64_t id) {
    auto w = OpenWorkspace(db_, WorkspaceMode::kReadOnly);
    EXPECT_TRUE(w.ok());
    auto pack = w.value()->Pack(id);
    EXPECT_TRUE(pack.ok()) << pack.status().ToString();
    return pack.ok() ? pack.value() : FrozenPack{};
  }
  std::string db_;
};

TEST_F(WorkspacePacksTest, FreezeThenListAndOpenTheExactBytes) {
  const std::string sha = FreezeMay();
  const FrozenPack stored = StoredPack(1);
  EXPECT_EQ(Sha256Hex(stored.html), sha);  // no PDF: the hash is of the HTML alone
  EXPECT_NE(stored.html.find("Board, May 2024"), std::string::npos);
  // The catalogue's first indicator (examples/nhs-ae/indicators.toml), "&" escaped in HTML.
  EXPECT_NE(stored.html.find("A&amp;E type 1: % seen within 4 hours"), std::string::npos);
  EXPECT_EQ(stored.pdf, "");

  CliRun open = Kaizen("packs open 1 --db '" + db_ + "' -o '" + dir_ + "/may.html'");
  ASSERT_EQ(open.exit_code, 0) << open.err;
  const std::string written = testing::ReadFile(dir_ + "/may.html");
  EXPECT_EQ(written, stored.html);
  EXPECT_EQ(Sha256Hex(written), sha);

  CliRun list = Kaizen("packs list --db '" + db_ + "'");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  EXPECT_NE(list.out.find("Board, May 2024"), std::string::npos);
  EXPECT_NE(list.out.find("jsmith"), std::string::npos);
  EXPECT_NE(list.out.find(sha), std::string::npos);

  CliRun list_json = Kaizen("packs list --format json --db '" + db_ + "'");
  ASSERT_EQ(list_json.exit_code, 0) << list_json.err;
  EXPECT_EQ(nlohmann::ordered_json::parse(list_json.out).begin().key(), "schema_version");
  const json packs = json::parse(list_json.out);
  EXPECT_EQ(packs["schema_version"], 1);
  ASSERT_EQ(packs["packs"].size(), 1u);
  EXPECT_EQ(packs["packs"][0]["id"], 1);
  EXPECT_EQ(packs["packs"][0]["title"], "Board, May 2024");
  EXPECT_EQ(packs["packs"][0]["frozen_by"], "jsmith");
  EXPECT_EQ(packs["packs"][0]["sha256"], sha);
  EXPECT_EQ(packs["packs"][0]["last_import_id"], 1);
  EXPECT_EQ(packs["packs"][0]["last_audit_seq"], kEntriesAfterImport + 1);
}

TEST_F(WorkspacePacksTest, APdfPackKeepsBothAndHashesThemTogether) {
  const std::string sha = FreezeMay("--pdf");
  const FrozenPack stored = StoredPack(1);
  EXPECT_EQ(stored.pdf.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(Sha256Hex(stored.html + stored.pdf), sha);
  CliRun open = Kaizen("packs open 1 --db '" + db_ + "' -o '" + dir_ + "/may.pdf'");
  ASSERT_EQ(open.exit_code, 0) << open.err;
  EXPECT_EQ(testing::ReadFile(dir_ + "/may.pdf"), stored.pdf);
}

TEST_F(WorkspacePacksTest, OpenRefusesWhatItCannotWrite) {
  FreezeMay();
  CliRun no_pdf = Kaizen("packs open 1 --db '" + db_ + "' -o '" + dir_ + "/may.pdf'");
  EXPECT_EQ(no_pdf.exit_code, 2);
  EXPECT_NE(no_pdf.err.find("without a PDF"), std::string::npos) << no_pdf.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/may.pdf"));
  CliRun missing = Kaizen("packs open 9 --db '" + db_ + "' -o '" + dir_ + "/p.html'");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("no frozen pack 9"), std::string::npos) << missing.err;
  CliRun extension = Kaizen("packs open 1 --db '" + db_ + "' -o '" + dir_ + "/p.txt'");
  EXPECT_EQ(extension.exit_code, 2);
}

TEST_F(WorkspacePacksTest, FreezeRefusesBadInput) {
  CliRun bad_date = Kaizen("freeze --db '" + db_ + "' --title T --as-of 2024-13-45");
  EXPECT_EQ(bad_date.exit_code, 2);
  CliRun no_file = Kaizen("freeze --db '" + dir_ + "/none.kaizen' --title T");
  EXPECT_EQ(no_file.exit_code, 2);
  EXPECT_NE(no_file.err.find("no such workspace"), std::string::npos) << no_file.err;
  ASSERT_TRUE(OpenWorkspace(dir_ + "/empty.kaizen", WorkspaceMode::kCreate).ok());
  CliRun empty = Kaizen("freeze --db '" + dir_ + "/empty.kaizen' --title T");
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_NE(empty.err.find("holds no series"), std::string::npos) << empty.err;
  CliRun list = Kaizen("packs list --format json --db '" + db_ + "'");
  EXPECT_EQ(json::parse(list.out)["packs"].size(), 0u);  // nothing was frozen
}

TEST_F(WorkspacePacksTest, AuditListAndVerifyThenTampering) {
  FreezeMay();
  CliRun verify = Kaizen("audit verify --db '" + db_ + "'");
  ASSERT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_EQ(verify.out.rfind("audit log: 7 entries, chain intact\n", 0), 0u) << verify.out;

  CliRun list = Kaizen("audit list --format json --db '" + db_ + "'");
  ASSERT_EQ(list.exit_code, 0) << list.err;
  const json log = json::parse(list.out);
  EXPECT_EQ(log["schema_version"], 1);
  ASSERT_EQ(log["entries"].size(), 7u);
  EXPECT_EQ(log["entries"][0]["action"], "define_indicator");
  EXPECT_EQ(log["entries"][0]["user"], "loader");
  EXPECT_EQ(log["entries"][3]["action"], "catalogue_decisions");
  EXPECT_EQ(log["entries"][4]["action"], "set_title");
  EXPECT_EQ(log["entries"][5]["action"], "import");
  EXPECT_EQ(log["entries"][6]["action"], "freeze");
  EXPECT_EQ(log["entries"][6]["user"], "jsmith");
  EXPECT_EQ(log["entries"][6]["subject"], "pack 1");
  EXPECT_NE(verify.out.find(log["entries"][6]["hash"].get<std::string>()), std::string::npos);

  CliRun last = Kaizen("audit list --limit 1 --db '" + db_ + "'");
  ASSERT_EQ(last.exit_code, 0) << last.err;
  EXPECT_NE(last.out.find("freeze"), std::string::npos);
  EXPECT_EQ(last.out.find("define_indicator"), std::string::npos) << last.out;

  // An attacker with the file drops the trigger and rewrites who imported the data.
  ASSERT_EQ(RawSql(db_,
                   "DROP TRIGGER audit_log_no_update; "
                   "UPDATE audit_log SET user_name = 'mallory' WHERE seq = 6"),
            "");
  CliRun tampered = Kaizen("audit verify --db '" + db_ + "'");
  EXPECT_EQ(tampered.exit_code, 2);
  EXPECT_NE(tampered.err.find("entry 6 fails"), std::string::npos) << tampered.err;
  EXPECT_EQ(tampered.out, "");
}

TEST_F(WorkspacePacksTest, AnAlteredPackIsNotOpened) {
  FreezeMay();
  ASSERT_EQ(RawSql(db_,
                   "DROP TRIGGER packs_no_update; "
                   "UPDATE packs SET html = CAST('<p>all green</p>' AS BLOB) WHERE id = 1"),
            "");
  CliRun open = Kaizen("packs open 1 --db '" + db_ + "' -o '" + dir_ + "/may.html'");
  EXPECT_EQ(open.exit_code, 2);
  EXPECT_NE(open.err.find("no longer matches the sha256"), std::string::npos) << open.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/may.html"));
}

TEST_F(WorkspacePacksTest, BackupThenRestoreBringsTheWorkspaceBack) {
  FreezeMay();
  const std::string copy = dir_ + "/copy.kaizen";
  CliRun backup = Kaizen("backup --db '" + db_ + "' -o '" + copy + "'");
  ASSERT_EQ(backup.exit_code, 0) << backup.err;
  CliRun again = Kaizen("backup --db '" + db_ + "' -o '" + copy + "'");
  EXPECT_EQ(again.exit_code, 3);
  EXPECT_NE(again.err.find("exists already"), std::string::npos) << again.err;

  // A second pack after the backup; restoring the copy takes the workspace back before it.
  Kaizen("freeze --db '" + db_ + "' --title 'Board, June 2024' --as-of 2024-07-01");
  auto packs_in = [&](const std::string& path) {
    CliRun r = Kaizen("packs list --format json --db '" + path + "'");
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.exit_code == 0 ? json::parse(r.out)["packs"].size() : 0u;
  };
  ASSERT_EQ(packs_in(db_), 2u);

  CliRun refused = Kaizen("restore '" + copy + "' --db '" + db_ + "'");
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("--force"), std::string::npos) << refused.err;
  EXPECT_EQ(packs_in(db_), 2u);

  {
    // While another process (this test) has W open, replacing the file would lose its work.
    auto holder = OpenWorkspace(db_, WorkspaceMode::kOpen);
    ASSERT_TRUE(holder.ok());
    CliRun busy = Kaizen("restore '" + copy + "' --db '" + db_ + "' --force");
    EXPECT_EQ(busy.exit_code, 4);
    EXPECT_NE(busy.err.find("another process has the workspace open"), std::string::npos)
        << busy.err;
    EXPECT_EQ(holder.value()->Packs()->size(), 2u);
  }
  CliRun restored = Kaizen("restore '" + copy + "' --db '" + db_ +
                           "' --force --user jsmith --reason 'June pack frozen in error'");
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_EQ(packs_in(db_), 1u);
  // The copy's seven entries (import, rebase proposed and approved, ..., the May pack), then the
  // restore itself, which names the replaced workspace's last entry: the June pack, entry 8.
  CliRun verify = Kaizen("audit verify --db '" + db_ + "'");
  EXPECT_EQ(verify.exit_code, 0) << verify.err;
  EXPECT_EQ(verify.out.rfind("audit log: 8 entries, chain intact\n", 0), 0u) << verify.out;
  const json log = json::parse(Kaizen("audit list --format json --db '" + db_ + "'").out);
  const json& restore = log["entries"].back();
  EXPECT_EQ(restore["seq"], 8);
  EXPECT_EQ(restore["action"], "restore");
  EXPECT_EQ(restore["user"], "jsmith");
  EXPECT_EQ(restore["before"].get<std::string>().rfind(
                "a workspace whose audit log ended at entry 8 (hash ", 0),
            0u)
      << restore["before"];
  auto copy_sha256 = Sha256OfFile(copy);
  ASSERT_TRUE(copy_sha256.ok());
  EXPECT_EQ(restore["after"],
            "restored from " + copy + " (sha256 " + copy_sha256.value() + "), at audit entry 7");
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    EXPECT_EQ(entry.path().string().find(".restore-"), std::string::npos) << entry.path();
  }

  // Restoring where nothing is needs no --force; the copy itself is left as it was.
  const std::string fresh = dir_ + "/fresh.kaizen";
  ASSERT_EQ(Kaizen("restore '" + copy + "' --db '" + fresh + "'").exit_code, 0);
  EXPECT_EQ(packs_in(fresh), 1u);
  EXPECT_EQ(packs_in(copy), 1u);
}

TEST_F(WorkspacePacksTest, RestoreRefusesAFileThatIsNotAWorkspace) {
  const std::string notes = dir_ + "/notes.txt";
  {
    std::FILE* f = std::fopen(notes.c_str(), "w");
    std::fputs("period,value\n", f);
    std::fclose(f);
  }
  CliRun r = Kaizen("restore '" + notes + "' --db '" + dir_ + "/new.kaizen'");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not a kaizen workspace"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir_ + "/new.kaizen"));
  CliRun missing = Kaizen("restore '" + dir_ + "/none' --db '" + dir_ + "/new.kaizen'");
  EXPECT_EQ(missing.exit_code, 2);
}

}  // namespace
}  // namespace kaizen
