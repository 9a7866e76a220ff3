// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QComboBox;
class QTreeWidget;

namespace nf {

class ScoreDocument;

// The Tracks dock: the tracks of the open piece with their colour, instrument, channel and note count.
// Selecting a row makes that track the one the piano roll edits; the instrument box changes its GM program
// (an undoable step).
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

signals:
    // Listening state, not part of the music: not undoable, reset when another piece is opened.
    void muteToggled(int track, bool mute);
    void soloToggled(int track, bool solo);

private:
    void rebuild();
    void updateCounts();
    void syncActive();
    void onInstrumentChosen(int program);

    ScoreDocument* document_;
    QTreeWidget* tree_;
    QComboBox* instrument_;
    bool syncing_ = false;
    QStringList programNames_;
};

}  // namespace nf
