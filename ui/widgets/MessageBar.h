// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

namespace nf {

// A non-blocking strip above the piano roll for errors and warnings (never a modal dialog): the message,
// a "Details" link that opens the Log panel, and a close button.
class MessageBar : public QFrame {
    Q_OBJECT
public:
    explicit MessageBar(QWidget* parent = nullptr);
    QString text() const;

public slots:
    void showError(const QString& text);
    void showWarning(const QString& text);

signals:
    void detailsRequested();

private:
    void showMessage(const QString& text, const QString& background);
    QLabel* label_;
};

}  // namespace nf
