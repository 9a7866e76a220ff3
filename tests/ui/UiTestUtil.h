// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QApplication>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QTimer>
#include <QString>
#include <QTest>
#include <QWidget>

#include <algorithm>
#include <functional>
#include <tuple>
#include <vector>
#include <string>

#include "dataset/Dataset.h"

namespace nf::uitest {

// Processes events until `done` holds or the time is up; returns whether it held.
inline bool waitFor(const std::function<bool()>& done, int timeoutMs = 60000) {
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qWait(5);
    }
    return true;
}

// Answers the next file dialog (Qt's own, as the tests run it) with `path`, typed into its name box as a person
// would (selectFile() could lose to the dialog's own start name while its folder was still being read); `answered`
// is set when it was. Call it before the code that opens the dialog.
// Gives up after about ten seconds without a dialog, so it never answers a later test's.
inline void answerNextFileDialog(const QString& path, bool* answered) {
    struct Poll {
        QString path;
        bool* answered;
        int triesLeft = 500;
        void operator()() {
            if (auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget())) {
                auto* name = dialog->findChild<QLineEdit*>("fileNameEdit");
                if (!name) return dialog->reject();  // answered stays false: the failure shows
                name->setText(path);
                QMetaObject::invokeMethod(dialog, "accept");  // a protected slot: as the Open or Save button calls it
                *answered = true;
            } else if (--triesLeft > 0) {
                QTimer::singleShot(20, *this);
            }
        }
    };
    QTimer::singleShot(20, Poll{path, answered});
}

// Sends a mouse event with an explicit button state, as a real drag delivers it.
inline void mouse(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButton button = Qt::LeftButton,
                  Qt::MouseButtons buttons = Qt::LeftButton, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    QMouseEvent ev(type, pos, w->mapToGlobal(pos), button, buttons, mods);
    QApplication::sendEvent(w, &ev);
}

inline void drag(QWidget* w, QPointF from, QPointF to, Qt::KeyboardModifiers mods = Qt::NoModifier, int steps = 5) {
    mouse(w, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton, mods);
    for (int i = 1; i <= steps; ++i)
        mouse(w, QEvent::MouseMove, from + (to - from) * (double(i) / steps), Qt::NoButton, Qt::LeftButton, mods);
    mouse(w, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton, mods);
}

inline void click(QWidget* w, QPointF pos, Qt::KeyboardModifiers mods = Qt::NoModifier,
                  Qt::MouseButton button = Qt::LeftButton) {
    mouse(w, QEvent::MouseButtonPress, pos, button, button, mods);
    mouse(w, QEvent::MouseButtonRelease, pos, button, Qt::NoButton, mods);
}

// Notes of a score as (pitch, start, duration, velocity) per track with notes, sorted: for comparing music across
// a file round trip, where note ids and empty tracks do not survive.
inline std::vector<std::vector<std::tuple<int, Tick, Tick, int>>> notesOf(const Score& s) {
    std::vector<std::vector<std::tuple<int, Tick, Tick, int>>> out;
    for (const Track& t : s.tracks) {
        if (t.notes.empty()) continue;
        auto& v = out.emplace_back();
        for (const Note& n : t.notes) v.emplace_back(n.pitch, n.start, n.duration, n.velocity);
        std::sort(v.begin(), v.end());
    }
    return out;
}

// Answers the next modal question box with `button` (as a user clicking it) and remembers its text. Polls, because
// the box appears only once the code under test runs; a question that never comes leaves asked() false.
class QuestionAnswerer {
public:
    explicit QuestionAnswerer(QMessageBox::StandardButton button) : button_(button) {
        timer_.setInterval(10);
        QObject::connect(&timer_, &QTimer::timeout, [this] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box) return;
            timer_.stop();
            text_ = box->text();
            asked_ = true;
            if (QAbstractButton* b = box->button(button_)) b->click();
            else box->reject();
        });
        timer_.start();
    }
    bool asked() const { return asked_; }
    const QString& text() const { return text_; }

private:
    QMessageBox::StandardButton button_;
    QTimer timer_;
    QString text_;
    bool asked_ = false;
};

inline QString demoDir() { return QStringLiteral(NF_SOURCE_DIR "/resources/demo"); }

// A real multi-track piece of the demo dataset, read by the engine's loader.
inline Score demoScore(const std::string& relative = "midi/pianobooster/BoosterMusic-04-FrereJacques.mid") {
    Dataset ds = loadDataset(std::string(NF_SOURCE_DIR "/resources/demo/") + relative);
    if (ds.pieces.empty()) return Score{};
    Score s = ds.pieces.front().score;
    s.assignMissingIds();
    s.normalize();
    return s;
}

}  // namespace nf::uitest
