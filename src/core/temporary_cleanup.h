// Removing half-written temporary files when the run is stopped by SIGINT, SIGTERM or SIGHUP.
//
// A temporary beside an output can grow to hundreds of megabytes; a run interrupted with Ctrl-C
// or killed by a scheduler must not leave it behind. The registry is a fixed table of paths
// stored before the file is created, so the signal handler only reads memory and calls unlink()
// (both async-signal-safe), then restores the default action and re-raises the signal, so the
// process still dies of it (the shell and the caller see the real cause).
//
// Thread safety: Arm and Disarm may be called from any thread; slots are claimed atomically.
#ifndef KAIZEN_CORE_TEMPORARY_CLEANUP_H_
#define KAIZEN_CORE_TEMPORARY_CLEANUP_H_

#include <string>

namespace kaizen::internal {

// Remembers `path` for removal on SIGINT, SIGTERM or SIGHUP (installing the handlers the first
// time, and only for signals whose action is the default, so an ignored SIGINT stays ignored).
// Returns the slot to pass to Disarm, or -1 when the table is full or the path too long (the
// file is then simply not cleaned up on a signal).
int ArmTemporaryCleanup(const std::string& path);

// Forgets a slot from ArmTemporaryCleanup (after the temporary was renamed or removed);
// -1 is ignored.
void DisarmTemporaryCleanup(int slot);

}  // namespace kaizen::internal

#endif  // KAIZEN_CORE_TEMPORARY_CLEANUP_H_
