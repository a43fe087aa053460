#include "ingest/row_store.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace kaizen::ingest {
namespace {

TEST(LazyColumnTest, OneValueIsHeldAsThatValueAndACount) {
  LazyColumn<int32_t> keys;
  for (int i = 0; i < 5; ++i) keys.push_back(7);
  EXPECT_TRUE(keys.constant());
  EXPECT_EQ(keys.size(), 5u);
  EXPECT_EQ(keys[4], 7);
}

TEST(LazyColumnTest, ADifferentValueWritesTheColumnOut) {
  LazyColumn<int32_t> keys;
  keys.push_back(1);
  keys.push_back(1);
  keys.push_back(2);
  keys.push_back(1);
  EXPECT_FALSE(keys.constant());
  ASSERT_EQ(keys.size(), 4u);
  EXPECT_EQ((std::vector<int32_t>{keys[0], keys[1], keys[2], keys[3]}),
            (std::vector<int32_t>{1, 1, 2, 1}));
}

TEST(LazyColumnTest, MissingNumbersStayOneValue) {
  LazyColumn<double> numerators;
  for (int i = 0; i < 3; ++i) numerators.push_back(kMissing);
  EXPECT_TRUE(numerators.constant());
  EXPECT_TRUE(std::isnan(numerators[2]));
  numerators.push_back(4.0);
  EXPECT_FALSE(numerators.constant());
  EXPECT_TRUE(std::isnan(numerators[0]));
  EXPECT_EQ(numerators[3], 4.0);
}

TEST(LazyColumnTest, TakeGivesEveryRowAndEmptiesTheColumn) {
  LazyColumn<double> values;
  values.push_back(2.5);
  values.push_back(2.5);
  EXPECT_EQ(values.Take(), (std::vector<double>{2.5, 2.5}));
  EXPECT_EQ(values.size(), 0u);
  values.push_back(1.0);
  values.push_back(3.0);
  EXPECT_EQ(values.Take(), (std::vector<double>{1.0, 3.0}));
}

TEST(LazyColumnTest, ClearStartsAgainFromOneValue) {
  LazyColumn<int32_t> comments;
  comments.push_back(-1);
  comments.push_back(0);
  comments.clear();
  comments.push_back(-1);
  EXPECT_TRUE(comments.constant());
  EXPECT_EQ(comments[0], -1);
}

TEST(RowSelectionTest, ARangeOrTheGivenOrder) {
  const RowSelection range{2, 5};
  EXPECT_EQ(range.size(), 3u);
  EXPECT_EQ(range[0], 2u);
  const std::vector<uint32_t> order{4, 0, 3, 1};
  const RowSelection grouped{1, 3, &order};
  EXPECT_EQ(grouped.size(), 2u);
  EXPECT_EQ(grouped[0], 0u);
  EXPECT_EQ(grouped[1], 3u);
}

}  // namespace
}  // namespace kaizen::ingest
