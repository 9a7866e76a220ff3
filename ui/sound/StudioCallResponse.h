// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QString>

#include "music/Score.h"
#include "studio/StudioModule.h"

class QMenu;

namespace nf {

class CallResponseController;
struct JamAnswer;

// Compose > Call and Response in the studio: the click and the model's answers play through the studio's sound
// (as a preview, so the piece in the editor is untouched) and keep time with it, the keyboard is heard on its own
// channel, each answer's timing goes to the log. Every session's take (calls and answers) is saved as MIDI in the
// takes folder when it ends, however it ends (Stop, Space, another part taking the sound, closing the window), and
// Stop and Keep the Take also puts it into the editor. Compose > Call and Response Settings chooses the answer's
// length and the silence that ends a phrase (remembered). Part of the sound side: it needs MIDI input.
class StudioCallResponse : public StudioModule {
    Q_OBJECT
public:
    StudioCallResponse(StudioContext& context, QObject* window);
    ~StudioCallResponse() override;  // a session still running is stopped and its take saved

    CallResponseController* controller() const { return controller_; }
    // The file the last take was saved to ("" before the first, or when it could not be written).
    QString lastTakeFile() const { return lastTakeFile_; }
    static int answerBars();
    static double silenceBars();

private:
    void start();
    void started(const QString& port);
    // Ends the session: the take saved, the click stopped; `keep` also puts the take in the editor, and `why`, when
    // given, says why it ended (another part took the sound) and offers the take.
    void finish(bool keep, const QString& why = {});
    void keepTake(const Score& take);
    QString saveTake(const Score& take);
    void endPreview();
    void fillSettings(QMenu* menu);
    void report(const JamAnswer& answer);
    // Greys the action out, saying why, unless the studio's model is a remi model (checked on a worker).
    void checkModel(const QString& path);

    CallResponseController* controller_ = nullptr;
    bool ours_ = false;  // the preview requests and stops in flight are the session's own
    QString lastTakeFile_;
    QFutureWatcher<QString>* modelCheck_ = nullptr;  // "" for a remi model, else why not
};

}  // namespace nf
