// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "controllers/LogHub.h"

class QPlainTextEdit;

namespace nf {

// The Log dock: every message of the session with its time, errors in red; the place "details" point to.
class LogPanel : public QWidget {
    Q_OBJECT
public:
    explicit LogPanel(QWidget* parent = nullptr);
    QPlainTextEdit* view() const { return text_; }
    int lineCount() const;

public slots:
    void append(const QDateTime& when, nf::LogHub::Level level, const QString& text);

private:
    QPlainTextEdit* text_;
};

}  // namespace nf
