// SPDX-License-Identifier: GPL-3.0-or-later
// The Training panel's two charts: a drum GAN's curves, axes that keep every point in view, and a per-step curve
// that follows the loss without its noise.

#include <gtest/gtest.h>
#include <qcustomplot.h>

#include <algorithm>

#include "training/TrainingCharts.h"

namespace nf {

// A drum GAN's rows turn the charts to its two players and its held-out figure distance; clear() turns them back.
TEST(TrainingCharts, ADrumGansRowsShowTheGeneratorTheCriticAndTheFigureDistance) {
    TrainingCharts charts;
    charts.setStepsPerEpoch(10);
    EXPECT_FALSE(charts.adversarial());
    for (int step = 1; step <= 10; ++step) {
        MetricsRow row;
        row.epoch = 1;
        row.step = step;
        row.trainLoss = 2.0 - 0.1 * step;
        row.criticLoss = -3.0 + 0.1 * step;  // a critic's loss is negative: no "unset" sentinel may swallow it
        if (step == 5) row.valLoss = 1.5;     // --validate-every: a distance mid-epoch
        charts.addRow(row);
    }
    MetricsRow epoch;
    epoch.epoch = 1;
    epoch.trainLoss = 1.4;
    epoch.criticLoss = -2.5;
    epoch.valLoss = 1.2;
    charts.addRow(epoch);
    EXPECT_TRUE(charts.adversarial());
    // generator, critic, generator per step, (no accuracy), distance, critic per step
    EXPECT_EQ(charts.pointCounts(), (std::vector<int>{1, 1, 10, 0, 2, 10}));
    EXPECT_EQ(charts.accuracyPlot()->yAxis->label(), "held-out drum figure distance");
    EXPECT_EQ(charts.lossPlot()->graph(1)->name(), "critic");
    EXPECT_EQ(charts.legendEntries(), (QStringList{"generator", "critic", "generator per step", "critic per step (smoothed)",
                                                   "held-out distance (right)"}))
        << "no accuracy, not even an empty entry";
    EXPECT_LT(charts.lossPlot()->graph(3)->data()->at(9)->value, -2.0) << "the critic's curve keeps its sign";
    EXPECT_LT(charts.lossPlot()->yAxis->range().lower, -2.0) << "the axis shows negative losses";
    charts.clear();
    EXPECT_FALSE(charts.adversarial());
    EXPECT_EQ(charts.accuracyPlot()->yAxis->label(), "accuracy");
    // The legend is as before a GAN's run: train, validation (the accuracy chart's of the same colours not
    // repeated), the per-step curve; the critic's curve leaves it with the GAN.
    EXPECT_EQ(charts.legendEntries(), (QStringList{"train", "validation", "per step (smoothed)"}));
    // Every loss negative (a critic late in a run, and a generator with it): the highest point stays in view.
    for (int step = 1; step <= 4; ++step) {
        MetricsRow row;
        row.epoch = 1;
        row.step = step;
        row.trainLoss = -0.5 - 0.1 * step;
        row.criticLoss = -1.0 - 0.1 * step;
        charts.addRow(row);
    }
    const QCPRange y = charts.lossPlot()->yAxis->range();
    for (int g = 0; g < charts.lossPlot()->graphCount(); ++g) {
        bool found = false;
        const QCPRange values = charts.lossPlot()->graph(g)->getValueRange(found);
        if (!found) continue;
        EXPECT_LT(values.upper, y.upper) << "graph " << g << ": highest point " << values.upper << " above " << y.upper;
        EXPECT_GE(values.lower, y.lower) << "graph " << g;
    }
    EXPECT_LT(y.upper, 0.0) << "a negative curve is not squashed under an axis reaching up to 0";
}

// The per-step loss is smoothed against noise but follows a real change within a small part of an epoch: it used
// to lag so far behind that it sat above the epoch's own training loss for most of the next epoch.
TEST(TrainingCharts, TheStepLossFollowsAChangeWithinAFewPercentOfAnEpochAndDampsNoise) {
    TrainingCharts charts;
    constexpr std::int64_t kSteps = 200;
    charts.setStepsPerEpoch(kSteps);
    const auto noisy = [](std::int64_t step, double level) { return level + (step % 2 == 0 ? 0.3 : -0.3); };
    for (std::int64_t step = 1; step <= 2 * kSteps; ++step) {
        MetricsRow row;
        row.epoch = step <= kSteps ? 1 : 2;
        row.step = step;
        row.trainLoss = noisy(step, step <= kSteps ? 4.0 : 2.0);  // the loss drops at the epoch's end
        charts.addRow(row);
    }
    const auto* curve = charts.lossPlot()->graph(2)->data().data();  // train, validation, step loss
    ASSERT_EQ(curve->size(), 2 * kSteps);
    const auto smoothedAt = [&](std::int64_t step) { return curve->at(static_cast<int>(step - 1))->value; };
    // A quarter of an epoch after the drop the curve has followed it.
    EXPECT_NEAR(smoothedAt(kSteps + kSteps / 4), 2.0, 0.15);
    // And the +-0.3 step-to-step noise is damped to a fraction of itself.
    double lo = 1e9, hi = -1e9;
    for (std::int64_t step = 2 * kSteps - 50; step <= 2 * kSteps; ++step) {
        lo = std::min(lo, smoothedAt(step));
        hi = std::max(hi, smoothedAt(step));
    }
    EXPECT_LT(hi - lo, 0.2) << "noise of 0.6 peak to peak left at " << hi - lo;
}

// The last epoch's dot sat on the x axis's end, half of it cut off by the plot's edge.
TEST(TrainingCharts, TheLastEpochsDotIsWhollyInsideThePlot) {
    TrainingCharts charts;
    charts.resize(800, 300);
    charts.show();
    charts.setStepsPerEpoch(12);
    for (int epoch = 1; epoch <= 3; ++epoch) {
        MetricsRow row;
        row.epoch = epoch;
        row.trainLoss = 3.0 - 0.5 * epoch;
        row.trainAccuracy = 0.2 * epoch;
        row.valLoss = 3.1 - 0.5 * epoch;
        row.valAccuracy = 0.2 * epoch;
        charts.addRow(row);
    }
    for (QCustomPlot* plot : {charts.lossPlot(), charts.accuracyPlot()}) {
        plot->replot(QCustomPlot::rpImmediateRefresh);
        const double dot = plot->xAxis->coordToPixel(3.0);
        const int edge = plot->axisRect()->rect().right();
        EXPECT_GE(edge - dot, 6.0) << "a dot of 5 px with a 2-px pen needs room beside it: " << edge << " vs " << dot;
    }
}

}  // namespace nf
