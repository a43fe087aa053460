#include "core/temporary_cleanup.h"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <climits>
#include <cstring>
#include <mutex>

namespace kaizen::internal {
namespace {

// A handful suffices: kaizen writes one output at a time.
constexpr int kSlots = 8;
enum SlotState : int { kFree = 0, kFilling = 1, kArmed = 2 };

struct Slot {
  std::atomic<int> state{kFree};
  char path[PATH_MAX];
};
Slot slots[kSlots];
static_assert(std::atomic<int>::is_always_lock_free, "the signal handler reads these");

// SIGHUP too: a closed terminal or ssh session during a long report.
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};

extern "C" void RemoveTemporariesAndReraise(int signal_number) {
  for (Slot& slot : slots) {
    if (slot.state.load() == kArmed) ::unlink(slot.path);
  }
  // Die of the signal as if we had not caught it.
  struct sigaction default_action {};
  default_action.sa_handler = SIG_DFL;
  sigemptyset(&default_action.sa_mask);
  ::sigaction(signal_number, &default_action, nullptr);
  ::raise(signal_number);
}

void InstallHandlers() {
  for (int signal_number : kSignals) {
    struct sigaction current {};
    if (::sigaction(signal_number, nullptr, &current) != 0) continue;
    // Leave an ignored signal ignored (nohup, a background job) and a caller's handler alone.
    if ((current.sa_flags & SA_SIGINFO) || current.sa_handler != SIG_DFL) continue;
    struct sigaction action {};
    action.sa_handler = RemoveTemporariesAndReraise;
    sigemptyset(&action.sa_mask);
    for (int other : kSignals) sigaddset(&action.sa_mask, other);  // one cleanup at a time
    ::sigaction(signal_number, &action, nullptr);
  }
}

}  // namespace

int ArmTemporaryCleanup(const std::string& path) {
  static std::once_flag installed;
  std::call_once(installed, InstallHandlers);
  if (path.size() >= PATH_MAX) return -1;
  for (int i = 0; i < kSlots; ++i) {
    int expected = kFree;
    if (!slots[i].state.compare_exchange_strong(expected, kFilling)) continue;
    std::memcpy(slots[i].path, path.c_str(), path.size() + 1);
    slots[i].state.store(kArmed);  // only now may the handler read the path
    return i;
  }
  return -1;
}

void DisarmTemporaryCleanup(int slot) {
  if (slot >= 0 && slot < kSlots) slots[slot].state.store(kFree);
}

}  // namespace kaizen::internal
