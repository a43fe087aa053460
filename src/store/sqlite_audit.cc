#include "store/sqlite_audit.h"

#include <sodium.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

namespace kaizen::store {

std::string Hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kHexDigits[] = "0123456789abcdef";
  std::string hex(size * 2, '0');
  for (std::size_t i = 0; i < size; ++i) {
    hex[2 * i] = kHexDigits[bytes[i] >> 4];
    hex[2 * i + 1] = kHexDigits[bytes[i] & 0xf];
  }
  return hex;
}

namespace {

// The hash the first entry chains to: 64 zeros.
const std::string& GenesisHash() {
  static const std::string genesis(2 * crypto_hash_sha256_BYTES, '0');
  return genesis;
}

// Appends the 8-byte little-endian length, then the bytes.
void AddField(crypto_hash_sha256_state* state, std::string_view field) {
  std::array<unsigned char, 8> length{};
  std::uint64_t size = field.size();
  for (unsigned char& byte : length) {
    byte = static_cast<unsigned char>(size & 0xff);
    size >>= 8;
  }
  crypto_hash_sha256_update(state, length.data(), length.size());
  crypto_hash_sha256_update(state, reinterpret_cast<const unsigned char*>(field.data()),
                            field.size());
}

Result<AuditEntry> LastEntry(const Db& db) {
  auto last = Statement::Prepare(db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
  if (!last.ok()) return last.status();
  auto row = last->Step();
  if (!row.ok()) return row.status();
  AuditEntry entry;
  entry.hash = GenesisHash();
  if (row.value()) {
    entry.seq = last->Int(0);
    entry.hash = last->Text(1);
  }
  return entry;
}

// The chain cannot show that entries were cut from its end; a frozen pack can: it records the
// seq of its own freeze entry, so a log that ends before the highest mark has lost entries.
Result<AuditVerdict> CheckPackMarks(const Db& db, AuditVerdict verdict) {
  auto select = Statement::Prepare(
      db, "SELECT id, last_audit_seq FROM packs ORDER BY last_audit_seq DESC, id LIMIT 1");
  if (!select.ok()) return select.status();
  auto row = select->Step();
  if (!row.ok()) return row.status();
  if (!row.value() || select->Int(1) <= verdict.entries) return verdict;
  verdict.first_bad = verdict.entries + 1;
  verdict.problem = "entry " + std::to_string(verdict.first_bad) +
                    " is missing: the log ends at entry " + std::to_string(verdict.entries) +
                    " but frozen pack " + std::to_string(select->Int(0)) + " saw entry " +
                    std::to_string(select->Int(1));
  return verdict;
}

}  // namespace

std::string AuditHash(std::string_view previous_hash, const AuditEntry& entry) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  AddField(&state, previous_hash);
  AddField(&state, std::to_string(entry.seq));
  for (const std::string* field :
       {&entry.at, &entry.user, &entry.action, &entry.subject, &entry.before, &entry.after}) {
    AddField(&state, *field);
  }
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state, digest.data());
  return Hex(digest.data(), digest.size());
}

Status AppendAudit(const Db& db, const Change& change, const AuditRecord& record) {
  auto last = LastEntry(db);
  if (!last.ok()) return last.status();
  AuditEntry entry{.seq = last->seq + 1,
                   .at = FormatChangeTime(change.at),
                   .user = change.user,
                   .action = record.action,
                   .subject = record.subject,
                   .before = record.before,
                   .after = record.after};
  entry.hash = AuditHash(last->hash, entry);
  auto insert = Statement::Prepare(db, "INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  if (!insert.ok()) return insert.status();
  insert->Bind(1, entry.seq).Bind(2, entry.at).Bind(3, entry.user).Bind(4, entry.action);
  insert->Bind(5, entry.subject).Bind(6, entry.before).Bind(7, entry.after).Bind(8, entry.hash);
  return insert->Run();
}

Result<std::vector<AuditEntry>> ReadAuditLog(const Db& db) {
  auto select = Statement::Prepare(
      db,
      "SELECT seq, at, user_name, action, subject, before, after, hash FROM audit_log "
      "ORDER BY seq");
  if (!select.ok()) return select.status();
  std::vector<AuditEntry> entries;
  for (;;) {
    auto row = select->Step();
    if (!row.ok()) return row.status();
    if (!row.value()) break;
    entries.push_back({.seq = select->Int(0),
                       .at = select->Text(1),
                       .user = select->Text(2),
                       .action = select->Text(3),
                       .subject = select->Text(4),
                       .before = select->Text(5),
                       .after = select->Text(6),
                       .hash = select->Text(7)});
  }
  return entries;
}

Result<AuditVerdict> VerifyAuditChain(const Db& db) {
  auto entries = ReadAuditLog(db);
  if (!entries.ok()) return entries.status();
  AuditVerdict verdict;
  verdict.entries = static_cast<std::int64_t>(entries->size());
  std::string previous = GenesisHash();
  std::int64_t expected_seq = 1;
  for (const AuditEntry& entry : entries.value()) {
    if (entry.seq != expected_seq) {
      verdict.first_bad = entry.seq;
      verdict.problem = "entry " + std::to_string(expected_seq) + " is missing";
      return verdict;
    }
    if (entry.hash != AuditHash(previous, entry)) {
      verdict.first_bad = entry.seq;
      // Its own fields may still hash right against another predecessor: then it was moved or
      // the entry before it was removed and the rest renumbered; else its fields were edited.
      verdict.problem =
          "its hash does not match its fields and the entry before it: it was "
          "edited, or entries before it were removed or reordered";
      return verdict;
    }
    previous = entry.hash;
    ++expected_seq;
  }
  return CheckPackMarks(db, verdict);
}

}  // namespace kaizen::store

namespace kaizen {

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()),
                     bytes.size());
  return store::Hex(digest.data(), digest.size());
}

Result<std::string> Sha256OfFile(const std::string& path) {
  std::FILE* file = std::fopen(path.c_str(), "rb");
  if (file == nullptr) {
    return Status::IOError(path + ": cannot read the file (" + std::strerror(errno) + ")");
  }
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  std::vector<unsigned char> block(1 << 20);
  std::size_t got = 0;
  while ((got = std::fread(block.data(), 1, block.size(), file)) > 0) {
    crypto_hash_sha256_update(&state, block.data(), got);
  }
  const bool failed = std::ferror(file) != 0;
  std::fclose(file);
  if (failed) return Status::IOError(path + ": reading the file failed");
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
  crypto_hash_sha256_final(&state, digest.data());
  return store::Hex(digest.data(), digest.size());
}

}  // namespace kaizen
