// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/TrainingCharts.h"

#include <qcustomplot.h>

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace nf {

namespace {
enum LossGraph { TrainLoss, ValLoss, StepLoss, CriticStep };
enum AccuracyGraph { TrainAcc, ValAcc };
// The per-step curve is a running mean over about this share of an epoch, counted in steps (not in rows: the
// trainer reports steps sparsely, and a mean over the last few rows lagged an epoch behind).
constexpr double kSmoothingShareOfEpoch = 0.05;
constexpr double kRightMargin = 0.04;  // of the x range

void styleGraph(QCPGraph* g, const QColor& color, const QString& name, bool dots) {
    g->setName(name);
    g->setPen(QPen(color, dots ? 2 : 1.2));
    if (dots) g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
}

QCustomPlot* makePlot(QWidget* parent, const QString& yLabel) {
    auto* plot = new QCustomPlot(parent);
    plot->setMinimumHeight(140);
    plot->xAxis->setLabel(QObject::tr("epoch"));
    plot->yAxis->setLabel(yLabel);
    plot->legend->setVisible(false);  // TrainingCharts' own legend names the curves of both
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->setNoAntialiasingOnDrag(true);
    return plot;
}
}  // namespace

TrainingCharts::TrainingCharts(QWidget* parent) : QWidget(parent) {
    loss_ = makePlot(this, tr("loss (nats/token)"));
    styleGraph(loss_->addGraph(), QColor(31, 119, 180), tr("train"), true);
    styleGraph(loss_->addGraph(), QColor(214, 39, 40), tr("validation"), true);
    styleGraph(loss_->addGraph(), QColor(31, 119, 180, 110), tr("per step (smoothed)"), false);
    styleGraph(loss_->addGraph(), QColor(214, 39, 40, 110), tr("critic per step (smoothed)"), false);
    accuracy_ = makePlot(this, tr("accuracy"));
    styleGraph(accuracy_->addGraph(), QColor(31, 119, 180), tr("train"), true);
    styleGraph(accuracy_->addGraph(), QColor(214, 39, 40), tr("validation"), true);
    legend_ = new QLabel(this);
    legend_->setTextFormat(Qt::RichText);
    legend_->setWordWrap(true);
    legend_->setAlignment(Qt::AlignCenter);
    QFont small = legend_->font();
    small.setPointSizeF(std::max(7.0, small.pointSizeF() - 1));
    legend_->setFont(small);
    auto* plots = new QHBoxLayout;
    plots->addWidget(loss_, 1);
    plots->addWidget(accuracy_, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(legend_);
    layout->addLayout(plots, 1);
    applyPalette();
    clear();
}

void TrainingCharts::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) applyPalette();
}

void TrainingCharts::applyPalette() {
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    QColor grid = palette().color(QPalette::Mid);
    for (QCustomPlot* plot : {loss_, accuracy_}) {
        plot->setBackground(base);
        for (QCPAxis* axis : {plot->xAxis, plot->yAxis}) {
            axis->setBasePen(QPen(text));
            axis->setTickPen(QPen(text));
            axis->setSubTickPen(QPen(text));
            axis->setTickLabelColor(text);
            axis->setLabelColor(text);
            axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
        }
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void TrainingCharts::clear() {
    for (QCustomPlot* p : {loss_, accuracy_}) {
        for (int i = 0; i < p->graphCount(); ++i) p->graph(i)->data()->clear();
        p->xAxis->setRange(0, 1);
        p->replot(QCustomPlot::rpQueuedReplot);
    }
    loss_->yAxis->setRange(0, 1);
    accuracy_->yAxis->setRange(0, 1);
    smoothed_ = -1;
    criticSmoothed_ = -1;
    lastStep_ = -1;
    setAdversarial(false);
}

void TrainingCharts::setAdversarial(bool on) {
    adversarial_ = on;
    loss_->yAxis->setLabel(on ? tr("WGAN loss") : tr("loss (nats/token)"));
    loss_->graph(TrainLoss)->setName(on ? tr("generator") : tr("train"));
    loss_->graph(ValLoss)->setName(on ? tr("critic") : tr("validation"));
    loss_->graph(StepLoss)->setName(on ? tr("generator per step") : tr("per step (smoothed)"));
    loss_->graph(CriticStep)->setVisible(on);
    // A GAN has no accuracy: the right chart shows what chooses its model, the held-out drum figure distance.
    accuracy_->yAxis->setLabel(on ? tr("held-out drum figure distance") : tr("accuracy"));
    accuracy_->graph(TrainAcc)->setVisible(!on);
    // Its own colour: red is the critic's on the left.
    accuracy_->graph(ValAcc)->setPen(QPen(on ? QColor(44, 160, 44) : QColor(214, 39, 40), 2));
    accuracy_->graph(ValAcc)->setName(on ? tr("held-out distance (right)") : tr("validation"));
    updateLegend();
    for (QCustomPlot* p : {loss_, accuracy_}) p->replot(QCustomPlot::rpQueuedReplot);
}

void TrainingCharts::updateLegend() {
    QStringList html;
    auto& shown = legendShown_;  // an accuracy curve of a loss curve's name and colour is not repeated
    shown.clear();
    for (QCustomPlot* plot : {loss_, accuracy_}) {
        for (int i = 0; i < plot->graphCount(); ++i) {
            const QCPGraph* g = plot->graph(i);
            if (!g->visible()) continue;
            const std::pair<QString, QRgb> entry{g->name(), g->pen().color().rgba()};
            if (std::find(shown.begin(), shown.end(), entry) != shown.end()) continue;
            shown.push_back(entry);
            const bool dots = g->scatterStyle().shape() != QCPScatterStyle::ssNone;
            html << QStringLiteral("<span style=\"color:%1\">%2</span>&nbsp;%3")
                        .arg(g->pen().color().name(QColor::HexArgb), dots ? QStringLiteral("\u25CF") : QStringLiteral("\u2501"),
                             g->name().toHtmlEscaped());
        }
    }
    legend_->setText(html.join(QStringLiteral(" &nbsp;&nbsp; ")));
}

QStringList TrainingCharts::legendEntries() const {
    QStringList names;
    for (const auto& entry : legendShown_) names << entry.first;
    return names;
}

double TrainingCharts::smooth(double& state, double value, std::int64_t step) const {
    const double window = std::max(1.0, kSmoothingShareOfEpoch * static_cast<double>(stepsPerEpoch_));
    const double elapsed = lastStep_ < 0 ? window : static_cast<double>(std::max<std::int64_t>(1, step - lastStep_));
    const double weight = 1.0 - std::exp(-elapsed / window);
    state = state < 0 && lastStep_ < 0 ? value : weight * value + (1 - weight) * state;
    return state;
}

void TrainingCharts::addAdversarialRow(const MetricsRow& row, double x) {
    if (row.step) {
        loss_->graph(StepLoss)->addData(x, smooth(smoothed_, row.trainLoss, *row.step));
        if (row.criticLoss) loss_->graph(CriticStep)->addData(x, smooth(criticSmoothed_, *row.criticLoss, *row.step));
        lastStep_ = *row.step;
    } else {
        loss_->graph(TrainLoss)->addData(x, row.trainLoss);
        if (row.criticLoss) loss_->graph(ValLoss)->addData(x, *row.criticLoss);
    }
    if (row.valLoss) accuracy_->graph(ValAcc)->addData(x, *row.valLoss);
}

void TrainingCharts::addRow(const MetricsRow& row) {
    const double stepX = row.step && stepsPerEpoch_ > 0 ? static_cast<double>(*row.step) / static_cast<double>(stepsPerEpoch_)
                                                        : static_cast<double>(row.epoch) - 0.5;
    if (row.criticLoss && !adversarial_) setAdversarial(true);
    if (adversarial_) {
        addAdversarialRow(row, row.step ? stepX : static_cast<double>(row.epoch));
        rescale();
        return;
    }
    if (row.step) {
        loss_->graph(StepLoss)->addData(stepX, smooth(smoothed_, row.trainLoss, *row.step));
        lastStep_ = *row.step;
    } else {
        const double x = row.epoch;
        loss_->graph(TrainLoss)->addData(x, row.trainLoss);
        accuracy_->graph(TrainAcc)->addData(x, row.trainAccuracy);
        if (row.valLoss) loss_->graph(ValLoss)->addData(x, *row.valLoss);
        if (row.valAccuracy) accuracy_->graph(ValAcc)->addData(x, *row.valAccuracy);
    }
    rescale();
}

void TrainingCharts::rescale() {
    for (QCustomPlot* p : {loss_, accuracy_}) {
        bool found = false;
        QCPRange keys = p->graph(0)->getKeyRange(found);
        for (int i = 1; i < p->graphCount(); ++i) {
            bool f = false;
            const QCPRange r = p->graph(i)->getKeyRange(f);
            if (f) keys = found ? QCPRange(std::min(keys.lower, r.lower), std::max(keys.upper, r.upper)) : r;
            found = found || f;
        }
        // A margin on the right: the last epoch's dot sat half outside the plot on the axis's end.
        if (found) p->xAxis->setRange(0, std::max(1.0, keys.upper) * (1.0 + kRightMargin));
        p->yAxis->rescale();
        const QCPRange y = p->yAxis->range();
        // From 0 (or below it: a critic's loss is negative), with a margin above the highest point of any sign.
        const double lower = std::min(0.0, y.lower);
        const double upper = std::max(y.upper, lower + 1e-6);
        p->yAxis->setRange(lower, upper + 0.08 * (upper - lower) + 1e-6);
        p->replot(QCustomPlot::rpQueuedReplot);
    }
}

std::vector<int> TrainingCharts::pointCounts() const {
    return {loss_->graph(TrainLoss)->dataCount(), loss_->graph(ValLoss)->dataCount(),
            loss_->graph(StepLoss)->dataCount(), accuracy_->graph(TrainAcc)->dataCount(),
            accuracy_->graph(ValAcc)->dataCount(), loss_->graph(CriticStep)->dataCount()};
}

}  // namespace nf
