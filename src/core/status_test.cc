// Status, Result and the early-return macros: the stable code names, what a Result does when
// misused, and that the macros return the first failure and nothing else.
#include "kaizen/status.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace kaizen {
namespace {

// The names are an interface (docs/api.md, "Status codes"): spelled out here by hand.
TEST(StatusCodeNameTest, EveryCodeHasItsDocumentedName) {
  EXPECT_EQ(StatusCodeName(StatusCode::kOk), "ok");
  EXPECT_EQ(StatusCodeName(StatusCode::kInvalidArgument), "invalid_argument");
  EXPECT_EQ(StatusCodeName(StatusCode::kNotFound), "not_found");
  EXPECT_EQ(StatusCodeName(StatusCode::kFailedPrecondition), "failed_precondition");
  EXPECT_EQ(StatusCodeName(StatusCode::kInternal), "internal");
  EXPECT_EQ(StatusCodeName(StatusCode::kIOError), "io_error");
  EXPECT_EQ(StatusCodeName(StatusCode::kCorruption), "corruption");
  EXPECT_EQ(StatusCodeName(StatusCode::kUnavailable), "unavailable");
  EXPECT_EQ(StatusCodeName(StatusCode::kBusy), "busy");
  EXPECT_EQ(StatusCodeName(StatusCode::kPermissionDenied), "permission_denied");
  EXPECT_EQ(StatusCodeName(StatusCode::kUnauthenticated), "unauthenticated");
  EXPECT_EQ(StatusCodeName(StatusCode::kAlreadyExists), "already_exists");
  EXPECT_EQ(StatusCodeName(StatusCode::kResourceExhausted), "resource_exhausted");
  EXPECT_EQ(StatusCodeName(static_cast<StatusCode>(999)), "unknown");
}

TEST(StatusCodeNameTest, NamesAreDistinctLowerSnake) {
  std::set<std::string> seen;
  for (int c = 0; c <= static_cast<int>(kLastStatusCode); ++c) {
    const std::string name(StatusCodeName(static_cast<StatusCode>(c)));
    EXPECT_NE(name, "unknown") << c;
    EXPECT_EQ(name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_"), std::string::npos) << name;
    EXPECT_TRUE(seen.insert(name).second) << name << " twice";
  }
  EXPECT_EQ(seen.size(), 13u);  // kOk and the twelve failure classes listed in status.h
}

TEST(StatusTest, FactoriesSetTheirCode) {
  EXPECT_EQ(Status::IOError("m").code(), StatusCode::kIOError);
  EXPECT_EQ(Status::Corruption("m").code(), StatusCode::kCorruption);
  EXPECT_EQ(Status::Unavailable("m").code(), StatusCode::kUnavailable);
  EXPECT_EQ(Status::Busy("m").code(), StatusCode::kBusy);
  EXPECT_EQ(Status::PermissionDenied("m").code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(Status::Unauthenticated("m").code(), StatusCode::kUnauthenticated);
  EXPECT_EQ(Status::AlreadyExists("m").code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(Status::ResourceExhausted("m").code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(Status::NotFound("no such file").message(), "no such file");
  EXPECT_FALSE(Status::IOError("m").ok());
}

TEST(StatusTest, ToStringPrefixesTheCodeName) {
  EXPECT_EQ(Status::IOError("out.csv: disk full").ToString(), "io_error: out.csv: disk full");
  EXPECT_EQ(Status::Ok().ToString(), "ok");
}

TEST(ResultTest, HoldsAValueOrAStatus) {
  Result<int> value = 7;
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, 7);
  EXPECT_TRUE(value.status().ok());
  Result<int> failure = Status::NotFound("no profile named 'x'");
  EXPECT_FALSE(failure.ok());
  EXPECT_EQ(failure.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(failure.status().message(), "no profile named 'x'");
}

// The abseil choice (see status.h): an OK status is a bug, reported as kInternal.
TEST(ResultTest, BuiltFromAnOkStatusHoldsInternal) {
  Result<std::string> r = Status::Ok();
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
  EXPECT_EQ(r.status().message(), "Result built from an OK status");
}

TEST(ResultDeathTest, ValueOnAnErrorPrintsTheStatusAndAborts) {
  const Result<int> r = Status::IOError("report.pdf: cannot write the file");
  EXPECT_DEATH((void)r.value(), "value\\(\\) on an error: io_error: report.pdf: cannot write");
  Result<std::string> s = Status::NotFound("gone");
  EXPECT_DEATH((void)std::move(s).value(), "not_found: gone");
  EXPECT_DEATH((void)s->size(), "not_found: gone");
}

Status Step(bool fail, int* calls) {
  ++*calls;
  return fail ? Status::IOError("step failed") : Status::Ok();
}

Status TwoSteps(bool fail_first, int* calls) {
  KAIZEN_RETURN_IF_ERROR(Step(fail_first, calls));
  KAIZEN_RETURN_IF_ERROR(Step(true, calls));
  return Status::Internal("not reached");
}

TEST(StatusMacroTest, ReturnIfErrorReturnsTheFirstFailure) {
  int calls = 0;
  Status s = TwoSteps(/*fail_first=*/true, &calls);
  EXPECT_EQ(s.code(), StatusCode::kIOError);
  EXPECT_EQ(calls, 1);  // the second step never ran
  calls = 0;
  s = TwoSteps(/*fail_first=*/false, &calls);
  EXPECT_EQ(s.code(), StatusCode::kIOError);
  EXPECT_EQ(calls, 2);
}

Result<int> Half(int n) {
  if (n % 2 != 0) return Status::InvalidArgument(std::to_string(n) + " is odd");
  return n / 2;
}

// 12 -> 6 -> 3 -> fails at 3; 8 -> 4 -> 2 -> 1.
Result<int> ThreeHalvings(int n) {
  KAIZEN_ASSIGN_OR_RETURN(const int a, Half(n));
  KAIZEN_ASSIGN_OR_RETURN(int b, Half(a));
  KAIZEN_RETURN_IF_ERROR(Half(b));  // a Result is accepted too
  KAIZEN_ASSIGN_OR_RETURN(b, Half(b));
  return b;
}

TEST(StatusMacroTest, AssignOrReturnMovesTheValueOrReturnsTheStatus) {
  Result<int> r = ThreeHalvings(8);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, 1);
  r = ThreeHalvings(12);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().message(), "3 is odd");
}

}  // namespace
}  // namespace kaizen
