// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "training/TrainingMetrics.h"

class QCustomPlot;

namespace nf {

// Live loss and accuracy charts (QCustomPlot): training and validation per epoch, and the per-step loss smoothed,
// against epochs (fractional for steps). Points are appended as they come and the plot is redrawn through
// Qt's queued replot, so a burst of rows costs one redraw.
// A drum GAN's rows (MetricsRow::criticLoss) switch the charts to its two players: the generator's and the critic's
// losses (per epoch and per step) on the left, the held-out drum figure distance on the right, until clear().
class TrainingCharts : public QWidget {
    Q_OBJECT
public:
    explicit TrainingCharts(QWidget* parent = nullptr);

    void clear();
    void setStepsPerEpoch(std::int64_t steps) { stepsPerEpoch_ = steps; }
    void addRow(const MetricsRow& row);
    // Number of points on each curve: train loss, validation loss, step loss, train accuracy, validation accuracy,
    // and the critic's per-step loss. A drum GAN's: generator, critic, generator per step, -, figure distance,
    // critic per step.
    std::vector<int> pointCounts() const;
    bool adversarial() const { return adversarial_; }
    QCustomPlot* lossPlot() const { return loss_; }
    QCustomPlot* accuracyPlot() const { return accuracy_; }

protected:
    // A light/dark switch of the desktop recolours the charts.
    void changeEvent(QEvent* event) override;

private:
    void rescale();
    void setAdversarial(bool on);
    void addAdversarialRow(const MetricsRow& row, double x);
    double smooth(double& state, double value, std::int64_t step) const;
    // Background, axes, grid and legend in the widget's palette colours (the curves keep theirs).
    void applyPalette();
    QCustomPlot* loss_;
    QCustomPlot* accuracy_;
    std::int64_t stepsPerEpoch_ = 0;
    double smoothed_ = -1;
    double criticSmoothed_ = -1;
    std::int64_t lastStep_ = -1;
    bool adversarial_ = false;
};

}  // namespace nf
