// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QStringList>
#include <QWidget>

#include <utility>
#include <vector>

#include "training/TrainingMetrics.h"

class QCustomPlot;
class QLabel;

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
    // The names in the one legend above both charts, in its order.
    QStringList legendEntries() const;

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
    // The legend: one row of text above both charts (the charts share their colours). Inside a plot, a legend
    // covered the curves of a narrow chart (two side by side in a 1280-pixel window leave each about 180).
    void updateLegend();
    QLabel* legend_;
    std::vector<std::pair<QString, QRgb>> legendShown_;  // its entries: name and colour
    QCustomPlot* loss_;
    QCustomPlot* accuracy_;
    std::int64_t stepsPerEpoch_ = 0;
    double smoothed_ = -1;
    double criticSmoothed_ = -1;
    std::int64_t lastStep_ = -1;
    bool adversarial_ = false;
};

}  // namespace nf
