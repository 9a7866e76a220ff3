// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/MessageBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace nf {

MessageBar::MessageBar(QWidget* parent) : QFrame(parent) {
    setFrameShape(QFrame::StyledPanel);
    label_ = new QLabel(this);
    label_->setTextFormat(Qt::PlainText);
    label_->setWordWrap(true);
    label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* details = details_ = new QToolButton(this);
    details->setText(tr("Details"));
    details->setToolTip(tr("Show the Log panel"));
    yes_ = new QToolButton(this);
    no_ = new QToolButton(this);
    auto* close = new QToolButton(this);
    close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    close->setToolTip(tr("Dismiss"));
    close->setAutoRaise(true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 3, 3, 3);
    layout->addWidget(label_, 1);
    layout->addWidget(yes_);
    layout->addWidget(no_);
    layout->addWidget(details);
    layout->addWidget(close);
    connect(details, &QToolButton::clicked, this, &MessageBar::detailsRequested);
    connect(close, &QToolButton::clicked, this, &QWidget::hide);
    connect(yes_, &QToolButton::clicked, this, [this] { answer(true); });
    connect(no_, &QToolButton::clicked, this, [this] { answer(false); });
    yes_->hide();
    no_->hide();
    hide();
}

QString MessageBar::text() const { return label_->text(); }

void MessageBar::answer(bool yes) {
    hide();
    auto reply = std::move(answer_);
    answer_ = nullptr;
    if (reply) reply(yes);
}

void MessageBar::showError(const QString& text) { showMessage(text, "#f8d7da"); }

void MessageBar::showWarning(const QString& text) { showMessage(text, "#fff3cd"); }

void MessageBar::showQuestion(const QString& text, const QString& yes, const QString& no,
                              std::function<void(bool)> answer) {
    answer_ = std::move(answer);
    yes_->setText(yes);
    no_->setText(no);
    showMessage(text, "#d9ecff");
    yes_->show();
    no_->show();
    details_->hide();
}

void MessageBar::showMessage(const QString& text, const QString& background) {
    yes_->hide();
    no_->hide();
    details_->show();
    label_->setText(text);
    // Fixed light backgrounds need dark text in both light and dark desktop palettes.
    setStyleSheet(QString("nf--MessageBar { background: %1; } QLabel { color: #222; }").arg(background));
    show();
}

}  // namespace nf
