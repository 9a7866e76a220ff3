// SPDX-License-Identifier: GPL-3.0-or-later
#include <gtest/gtest.h>

#include "training/StepRowInterval.h"

using nf::stepRowInterval;

TEST(StepRowInterval, TheConfiguredPeriodAloneWhenNoRowsAreAskedFor) {
    EXPECT_EQ(stepRowInterval(50, 0, 12), 50);
    EXPECT_EQ(stepRowInterval(0, 0, 12), 0) << "epoch rows only";
    EXPECT_EQ(stepRowInterval(50, 20, 0), 50) << "an epoch of unknown length changes nothing";
}

TEST(StepRowInterval, AShortEpochGetsAtLeastTheRowsAskedFor) {
    EXPECT_EQ(stepRowInterval(50, 20, 12), 1) << "fewer steps than rows: every step";
    EXPECT_EQ(stepRowInterval(50, 20, 100), 5);
    EXPECT_EQ(stepRowInterval(50, 20, 119), 5) << "rounded down: 23 rows, not 19";
    EXPECT_EQ(stepRowInterval(0, 20, 100), 5) << "even where only epoch rows were configured";
}

TEST(StepRowInterval, ALongEpochKeepsItsShorterConfiguredPeriod) {
    EXPECT_EQ(stepRowInterval(50, 20, 10000), 50);
    EXPECT_EQ(stepRowInterval(-3, 20, 100), 5) << "a negative period reads as none";
}
