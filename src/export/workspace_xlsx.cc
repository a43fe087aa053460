// Workspace tables as an .xlsx workbook (kaizen/workspace_tables.h), written with libxlsxwriter
// (Debian's libxlsxwriter-dev), the one file that uses it. libxlsxwriter writes only to a named
// file, so the workbook is made in a private temporary file and read back as bytes: the caller
// then writes them where the user asked as every other output is written (atomically, through
// kaizen/file_util.h), or to standard output.
#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "kaizen/workspace_tables.h"

namespace kaizen {
namespace {

// A cell holds at most 32,767 characters (Excel's limit, LXW_STR_MAX); cut longer text (an
// import's audit entry listing every corrected point) well before it, at a UTF-8 boundary, and
// say so in the cell.
std::string FitCell(const std::string& text) {
  constexpr std::size_t kKeep = 32000;
  if (text.size() <= kKeep) return text;
  std::size_t end = kKeep;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + " ... (cut: " + std::to_string(text.size()) +
         " bytes in all; the CSV and JSON exports hold it whole)";
}

Status XlsxFailure(const std::string& what, lxw_error error) {
  return Status::IOError("cannot write the .xlsx workbook (" + what + ": " + lxw_strerror(error) +
                         ")");
}

Status WriteSheet(lxw_workbook* workbook, lxw_format* bold, const WorkspaceTable& table) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, table.name.c_str());
  if (sheet == nullptr) return Status::IOError("cannot add the sheet '" + table.name + "'");
  for (std::size_t c = 0; c < table.columns.size(); ++c) {
    const lxw_error e = worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c),
                                               table.columns[c].name.c_str(), bold);
    if (e != LXW_NO_ERROR) return XlsxFailure(table.name + " header", e);
  }
  for (std::size_t r = 0; r < table.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
      const TableCell& cell = table.rows[r][c];
      const auto col = static_cast<lxw_col_t>(c);
      lxw_error e = LXW_NO_ERROR;
      if (table.columns[c].type == ColumnType::kNumber) {
        if (!std::isnan(cell.number))
          e = worksheet_write_number(sheet, row, col, cell.number, nullptr);
      } else if (!cell.text.empty()) {
        e = worksheet_write_string(sheet, row, col, FitCell(cell.text).c_str(), nullptr);
      }
      if (e != LXW_NO_ERROR) return XlsxFailure(table.name + " row " + std::to_string(r + 2), e);
    }
  }
  return Status::Ok();
}

// Builds the workbook at `path` (an existing empty file, which it replaces).
Status BuildWorkbook(const std::string& path, const std::vector<WorkspaceTable>& tables) {
  lxw_workbook* workbook = workbook_new(path.c_str());
  if (workbook == nullptr) return Status::IOError("cannot start the .xlsx workbook");
  lxw_format* bold = workbook_add_format(workbook);
  format_set_bold(bold);
  Status status;
  for (const WorkspaceTable& table : tables) {
    status = WriteSheet(workbook, bold, table);
    if (!status.ok()) break;
  }
  // Closing frees the workbook whatever happened (and writes what it has: the caller discards
  // the file of a failed one).
  const lxw_error closed = workbook_close(workbook);
  if (!status.ok()) return status;
  return closed == LXW_NO_ERROR ? Status::Ok() : XlsxFailure("closing", closed);
}

Result<std::string> ReadBack(const std::string& path) {
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError("cannot read back the .xlsx workbook");
  std::string bytes;
  char buffer[65536];
  for (;;) {
    const ssize_t n = read(fd, buffer, sizeof buffer);
    if (n <= 0) {
      close(fd);
      if (n < 0) return Status::IOError("cannot read back the .xlsx workbook");
      return bytes;
    }
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
}

}  // namespace

Result<std::string> WorkspaceTablesToXlsx(const std::vector<WorkspaceTable>& tables) {
  constexpr std::size_t kMaxRows = 1048575;  // a sheet's 1,048,576 rows less the header
  for (const WorkspaceTable& table : tables) {
    if (table.rows.size() > kMaxRows) {
      return Status::ResourceExhausted(
          "the " + table.name + " table has " + std::to_string(table.rows.size()) +
          " rows, more than an .xlsx sheet holds (1,048,575 below its header): export it as "
          "csv or json");
    }
  }
  const char* tmpdir = std::getenv("TMPDIR");
  std::string path =
      std::string(tmpdir != nullptr && *tmpdir ? tmpdir : "/tmp") + "/kaizen-export-XXXXXX.xlsx";
  const int fd = mkstemps(path.data(), 5);
  if (fd < 0) return Status::IOError("cannot create a temporary file for the .xlsx workbook");
  close(fd);  // libxlsxwriter opens the file by its name and replaces it
  Status built = BuildWorkbook(path, tables);
  Result<std::string> bytes = built.ok() ? ReadBack(path) : Result<std::string>(built);
  unlink(path.c_str());
  return bytes;
}

}  // namespace kaizen
