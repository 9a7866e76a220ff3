// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once


#include "music/Note.h"
#include "studio/StudioModule.h"

class QLabel;

namespace nf {

class AudioExporter;
class PlaybackController;

// Connects the sound engine to the studio window: the transport actions and position display, the playhead
// and loop on the piano roll, keyboard audition, mute/solo from the Tracks panel, the soundfont choice and audio
// export. Exists only in builds with audio; the window works the same without it, minus sound.
class StudioSound : public StudioModule {
    Q_OBJECT
public:
    StudioSound(StudioContext& context, QObject* window);
    ~StudioSound() override;

    PlaybackController* playback() const { return playback_; }
    AudioExporter* exporter() const { return exporter_; }
    // Renders the piece to `path` in the background (format from the suffix) with the progress in the status bar:
    // what File > Export Audio does once its dialog has a file name.
    void exportAudioTo(const QString& path, bool normalize = false);

signals:
    // The soundfont that plays and renders (found off the GUI thread at start-up), and why that one.
    void soundfontFound(const QString& path, const QString& reason);

private:
    void toggleLoop(bool on);
    void chooseSoundfont();
    // Transport > Output, listed afresh each time it opens (ports come and go with synths and DAWs).
    void fillOutputMenu();
    // Transport > Soundfont: Automatic, each readable soundfont installed (and the bundled one), Choose File.
    void fillSoundfontMenu();
    void exportAudio();
    void updatePosition(Tick tick);
    // Reads the preset names of the soundfont that will play (headers only, off the GUI thread).
    void loadProgramNames(const QString& soundfont);

    PlaybackController* playback_;
    AudioExporter* exporter_;
    QLabel* position_;
};

}  // namespace nf
