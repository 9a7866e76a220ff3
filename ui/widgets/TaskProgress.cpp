// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/TaskProgress.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

namespace nf {

TaskProgress::TaskProgress(QWidget* parent) : QWidget(parent) {
    label_ = new QLabel(this);
    bar_ = new QProgressBar(this);
    bar_->setRange(0, 100);
    bar_->setMaximumWidth(160);
    bar_->setMaximumHeight(16);
    cancel_ = new QToolButton(this);
    cancel_->setText(tr("Cancel"));
    cancel_->setToolTip(tr("Stop this task"));
    cancel_->setAutoRaise(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label_);
    layout->addWidget(bar_);
    layout->addWidget(cancel_);
    connect(cancel_, &QToolButton::clicked, this, &TaskProgress::cancelRequested);
    hide();
}

void TaskProgress::begin(const QString& what) {
    label_->setText(what);
    bar_->setValue(0);
    show();
}

void TaskProgress::setPercent(int percent) { bar_->setValue(percent); }

void TaskProgress::end() { hide(); }

}  // namespace nf
