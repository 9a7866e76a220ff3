// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QToolButton;

namespace nf {

// A compact "what is running" strip for the status bar (exporting audio, ...): label, progress bar and a
// cancel button; hidden while idle. Background work reports here instead of in a modal dialog.
class TaskProgress : public QWidget {
    Q_OBJECT
public:
    explicit TaskProgress(QWidget* parent = nullptr);

public slots:
    void begin(const QString& what);
    void setPercent(int percent);
    void end();

signals:
    void cancelRequested();

private:
    QLabel* label_;
    QProgressBar* bar_;
    QToolButton* cancel_;
};

}  // namespace nf
