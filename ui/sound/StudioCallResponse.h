// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "music/Score.h"
#include "studio/StudioModule.h"

class QMenu;

namespace nf {

class CallResponseController;
struct JamAnswer;

// Compose > Call and Response in the studio: the click and the model's answers play through the studio's sound
// (as a preview, so the piece in the editor is untouched), the keyboard is heard on its own channel, each answer's
// timing goes to the log, and when the musician stops, the take (calls and answers) can go into the editor.
// Compose > Call and Response Settings chooses the answer's length and the silence that ends a phrase (remembered).
// Part of the sound side: it needs MIDI input.
class StudioCallResponse : public StudioModule {
    Q_OBJECT
public:
    StudioCallResponse(StudioContext& context, QObject* window);

    CallResponseController* controller() const { return controller_; }
    static int answerBars();
    static double silenceBars();

private:
    void start();
    void stop(bool keep);
    void keepTake(const Score& take);
    void endPreview();
    void fillSettings(QMenu* menu);
    void report(const JamAnswer& answer);

    CallResponseController* controller_ = nullptr;
    bool endingPreview_ = false;  // our own previewEnded(), not another part taking the sound
};

}  // namespace nf
