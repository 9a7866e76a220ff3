// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <vector>

class QComboBox;
class QSlider;
class QTreeWidget;

namespace nf {

class ScoreDocument;

// The Tracks dock: the tracks of the open piece with their colour, instrument, channel and note count.
// Selecting a row makes that track the one the piano roll edits; the instrument box changes its GM program
// (an undoable step). Volume and pan sliders set how the selected track is heard (listening state like mute and
// solo: not undoable, kept in projects, reset when another piece is opened).
class TracksPanel : public QWidget {
    Q_OBJECT
public:
    explicit TracksPanel(ScoreDocument* document, QWidget* parent = nullptr);
    QTreeWidget* tree() const { return tree_; }
    QComboBox* instrumentBox() const { return instrument_; }
    // Instrument names as the soundfont in use calls its bank-0 presets (General MIDI names where it has none).
    void setProgramNames(const QStringList& names);
    bool isMuted(int track) const;
    bool isSoloed(int track) const;
    // Sets a track's mute/solo boxes as if clicked (the signals go out, so playback follows).
    void setListening(int track, bool mute, bool solo);
    QSlider* volumeSlider() const { return volume_; }
    QSlider* panSlider() const { return pan_; }
    // A track's volume (CC7) and pan (CC10, 64 = centre) set here; -1 = as the track itself says.
    int volume(int track) const;
    int pan(int track) const;
    // As if the sliders were moved for `track` (signals go out); -1 leaves that one as written.
    void setLevels(int track, int volume, int pan);

signals:
    // Listening state, not part of the music: not undoable, reset when another piece is opened.
    void muteToggled(int track, bool mute);
    void soloToggled(int track, bool solo);
    void volumeChanged(int track, int volume);
    void panChanged(int track, int pan);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // Gives the track names and the instruments the width there is: each whole when both fit (names were cut at
    // a fixed 96 pixels while the instruments had room to spare).
    void fitColumns();
    void rebuild();
    void updateCounts();
    void syncActive();
    void onInstrumentChosen(int program);

    ScoreDocument* document_;
    QTreeWidget* tree_;
    QComboBox* instrument_;
    QSlider* volume_;
    QSlider* pan_;
    std::vector<int> volumes_, pans_;  // per track, -1 = not set here
    bool syncing_ = false;
    bool fitting_ = false;
    QStringList programNames_;
};

}  // namespace nf
