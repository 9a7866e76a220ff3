// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QToolButton;

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
    // A question with two answers (e.g. restore autosaved work), still without blocking anything.
    void showQuestion(const QString& text, const QString& yes, const QString& no, std::function<void(bool)> answer);

    // Answers the open question as its buttons do.
    void answer(bool yes);
    bool asking() const { return static_cast<bool>(answer_); }

signals:
    void detailsRequested();

private:
    void showMessage(const QString& text, const QString& background);
    QLabel* label_;
    QToolButton* details_;
    QToolButton* yes_;
    QToolButton* no_;
    std::function<void(bool)> answer_;
};

}  // namespace nf
