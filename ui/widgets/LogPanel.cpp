// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/LogPanel.h"

#include <QPlainTextEdit>
#include <QTextBlock>
#include <QVBoxLayout>

namespace nf {

LogPanel::LogPanel(QWidget* parent) : QWidget(parent) {
    text_ = new QPlainTextEdit(this);
    text_->setReadOnly(true);
    text_->setMaximumBlockCount(5000);  // a long session must not grow without bound
    text_->setLineWrapMode(QPlainTextEdit::NoWrap);
    QFont mono("Monospace");
    mono.setStyleHint(QFont::TypeWriter);
    text_->setFont(mono);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(text_);
}

int LogPanel::lineCount() const { return text_->document()->blockCount() - (text_->toPlainText().isEmpty() ? 1 : 0); }

void LogPanel::append(const QDateTime& when, LogHub::Level level, const QString& text) {
    // In the studio's language here; the log file keeps LogHub's English tags, which are what a bug report quotes.
    const QString tag = level == LogHub::Level::Error     ? tr("error")
                        : level == LogHub::Level::Warning ? tr("warning")
                                                          : tr("info");
    const QString color = level == LogHub::Level::Error ? "#c62828" : (level == LogHub::Level::Warning ? "#b26a00" : "");
    QString line = QString("%1  %2  %3").arg(when.toString("HH:mm:ss"), tag.leftJustified(7), text.toHtmlEscaped());
    if (!color.isEmpty()) line = QString("<span style=\"color:%1\">%2</span>").arg(color, line);
    text_->appendHtml("<pre style=\"margin:0\">" + line + "</pre>");
}

}  // namespace nf
