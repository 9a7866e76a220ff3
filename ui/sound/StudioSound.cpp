// SPDX-License-Identifier: GPL-3.0-or-later
#include "sound/StudioSound.h"

#include <QAction>
#include <QMainWindow>
#include <QActionGroup>
#include <QMenu>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QSettings>
#include <QStatusBar>
#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>
#include <QToolBar>

#include <memory>
#include <optional>
#include <utility>

#include "audio/SoundfontLocator.h"
#include "audio/SoundfontReader.h"
#include "controllers/LogHub.h"
#include "music/PitchNames.h"
#include "document/ScoreDocument.h"
#include "models/DatasetTableModel.h"
#include "pianoroll/BarLines.h"
#include "pianoroll/PianoKeyboard.h"
#include "pianoroll/PianoRollView.h"
#include "project/StudioPaths.h"
#include "sound/AudioExportDialog.h"
#include "sound/AudioExporter.h"
#include "sound/PlaybackController.h"
#include "studio/StudioActions.h"
#include "studio/StudioContext.h"
#include "studio/StudioShell.h"
#include "widgets/MessageBar.h"
#include "widgets/TaskProgress.h"
#include "widgets/TempoBox.h"
#include "widgets/TracksPanel.h"

namespace nf {

NF_STUDIO_MODULE(StudioSound, 10)

StudioSound::StudioSound(StudioContext& context, QObject* window)
    : StudioModule(context, window),
      playback_(new PlaybackController(context.document(), this)),
      exporter_(new AudioExporter(this)) {
    StudioActions* a = context.actions();
    PianoRollView* roll = context.pianoRoll();
    LogHub* log = context.log();

    QToolBar* bar = context.transportBar();
    position_ = new QLabel(bar);
    position_->setMinimumWidth(130);
    position_->setToolTip(tr("Playhead: bar.beat and time"));
    position_->setStatusTip(position_->toolTip());
    // Before the tempo box: Bar 3.1  0:05  ♩ = 90 reads as one display.
    QAction* tempo = nullptr;
    for (QAction* act : bar->actions())
        if (bar->widgetForAction(act) == context.tempo()) tempo = act;
    bar->insertWidget(tempo, position_);

    connect(a->play, &QAction::triggered, playback_, &PlaybackController::togglePlay);
    connect(a->stop, &QAction::triggered, playback_, &PlaybackController::stop);
    connect(a->rewind, &QAction::triggered, this, [this, roll] {
        playback_->seekTick(0);
        roll->followPlayhead(0, true);
        updatePosition(0);
    });
    connect(a->loop, &QAction::toggled, this, &StudioSound::toggleLoop);
    connect(playback_, &PlaybackController::playingChanged, this, [this, a](bool playing) {
        a->play->setText(playing ? tr("&Pause") : tr("&Play"));
        if (playing) emit this->context().playbackStarted();
        else emit this->context().playbackStopped();
    });
    connect(playback_, &PlaybackController::positionChanged, this, [this, roll, a](Tick tick) {
        roll->followPlayhead(tick, a->follow->isChecked());
        updatePosition(tick);
    });
    // Clicking the ruler moves where playback starts (and jumps there while playing).
    connect(roll, &PianoRollView::playheadMoved, this, [this](Tick tick) {
        playback_->seekTick(tick);
        updatePosition(tick);
    });
    connect(roll, &PianoRollView::keyAuditioned, this, [this](int pitch, bool pressed) {
        pressed ? playback_->auditionOn(pitch) : playback_->auditionOff(pitch);
    });
    connect(&context, &StudioContext::auditionRequested, playback_, [this](int pitch, int velocity) {
        velocity > 0 ? playback_->auditionOn(pitch, velocity) : playback_->auditionOff(pitch);
    });
    connect(&context, &StudioContext::liveNoteRequested, playback_, &PlaybackController::playNote);
    context.setPlaybackClock([this] { return playback_->positionSeconds(); });
    connect(this, &StudioSound::soundfontFound, &context, &StudioContext::soundfontFound);
    connect(context.tracks(), &TracksPanel::muteToggled, playback_, &PlaybackController::setTrackMute);
    connect(context.tracks(), &TracksPanel::soloToggled, playback_, &PlaybackController::setTrackSolo);
    connect(context.tracks(), &TracksPanel::volumeChanged, playback_, &PlaybackController::setTrackVolume);
    connect(context.tracks(), &TracksPanel::panChanged, playback_, &PlaybackController::setTrackPan);
    connect(context.document(), &ScoreDocument::scoreReplaced, this, [this, a] {
        a->loop->setChecked(false);
        updatePosition(0);
    });
    // A double-clicked dataset file, a sample taken while training: heard at once, from the start.
    connect(&context, &StudioContext::playRequested, this, [this, roll] {
        playback_->stop();
        playback_->seekTick(0);
        roll->followPlayhead(0, true);
        playback_->play();
    });
    // Candidates of the model, auditioned in a loop (ui/steering): the loop is drawn where it plays.
    // The musician's own loop comes back, drawn, when the audition ends.
    auto savedLoop = std::make_shared<std::optional<std::pair<Tick, Tick>>>();
    connect(&context, &StudioContext::previewRequested, this,
            [this, roll, savedLoop](const Score& score, Tick loopStart, Tick loopEnd) {
                if (!*savedLoop) *savedLoop = std::pair(roll->loopStart(), roll->loopEnd());
                roll->setLoopRegion(loopStart, loopEnd);
                playback_->preview(score, loopStart, loopEnd);
            });
    connect(&context, &StudioContext::previewEnded, this, [this, roll, savedLoop] {
        if (!*savedLoop) return;  // nothing was auditioned
        playback_->endPreview();
        roll->setLoopRegion(savedLoop->value().first, savedLoop->value().second);
        savedLoop->reset();
    });
    connect(playback_, &PlaybackController::error, log, &LogHub::error);
    connect(playback_, &PlaybackController::info, log, &LogHub::info);

    // Listed only when opened: asking the MIDI system at start-up could wait on (or start) a JACK client.
    connect(a->outputMenu, &QMenu::aboutToShow, this, &StudioSound::fillOutputMenu);
    connect(playback_, &PlaybackController::outputChanged, this, [this](const QString& port) {
        this->context().shell().showStatus(port.isEmpty() ? tr("Playing through the internal synthesizer")
                                                         : tr("Playing to MIDI port %1").arg(port),
                                          5000);
    });
    auto* drivers = new QActionGroup(a->audioDriverMenu);
    for (const PlaybackController::DriverChoice& choice : PlaybackController::audioDriverChoices()) {
        QAction* act = a->audioDriverMenu->addAction(choice.label);
        act->setCheckable(true);
        act->setChecked(choice.key == playback_->audioDriver());
        act->setData(choice.key);
        const QString tip = choice.key.isEmpty()
                                ? tr("Use PipeWire/PulseAudio when the desktop runs it, else a running JACK server, "
                                     "else the sound card")
                                : tr("Play through %1; the choice is remembered").arg(choice.label);
        act->setToolTip(tip);
        act->setStatusTip(tip);
        drivers->addAction(act);
        connect(act, &QAction::triggered, playback_, [this, key = choice.key, label = choice.label] {
            playback_->setAudioDriver(key);
            this->context().shell().showStatus(tr("Audio driver: %1 (from the next Play)").arg(label), 5000);
        });
    }
    connect(a->soundfontMenu, &QMenu::aboutToShow, this, &StudioSound::fillSoundfontMenu);
    connect(a->chooseSoundfont, &QAction::triggered, this, &StudioSound::chooseSoundfont);
    connect(a->automaticSoundfont, &QAction::triggered, this, [this] { playback_->setSoundfont({}); });
    connect(a->exportAudio, &QAction::triggered, this, &StudioSound::exportAudio);
    connect(exporter_, &AudioExporter::progress, context.progress(), &TaskProgress::setPercent);
    connect(context.progress(), &TaskProgress::cancelRequested, exporter_, &AudioExporter::cancel);
    connect(exporter_, &AudioExporter::finished, this, [this, log](const QString& path, bool ok, const QString& msg) {
        this->context().progress()->end();
        if (ok) {
            emit this->context().exported(path);
            log->info(tr("Exported %1 (%2)").arg(path, msg));
            this->context().shell().showStatus(tr("Exported %1").arg(path), 6000);
        } else if (msg == AudioExporter::tr("cancelled")) {  // its word, in any language
            this->context().shell().showStatus(tr("Audio export cancelled"), 4000);
        } else {
            log->error(tr("Audio export failed: %1").arg(msg));
        }
    });
    updatePosition(0);
    connect(playback_, &PlaybackController::soundfontChanged, this,
            [this](const QString& path, const QString&) { loadProgramNames(path); });
    loadProgramNames(QSettings().value("sound/soundfont").toString());
}

StudioSound::~StudioSound() = default;

void StudioSound::loadProgramNames(const QString& soundfont) {
    const std::string wanted = soundfont.toStdString();
    QPointer<TracksPanel> tracks = context().tracks();
    QPointer<StudioSound> self = this;
    // Fire and forget: a header walk of one file; the result is dropped if the window is gone.
    QThreadPool::globalInstance()->start([tracks, self, wanted] {
        QStringList names;
        QString path, reason;
        try {
            const SoundfontChoice choice = SoundfontLocator().choose(wanted);
            path = QString::fromStdString(choice.path);
            reason = PlaybackController::describe(choice.reason);
            if (!choice.path.empty()) {
                const SoundfontInfo info = readSoundfontInfo(choice.path);
                for (int p = 0; p < 128; ++p) {
                    const SoundfontPreset* preset = info.find(0, p);
                    names << (preset && !preset->name.empty() ? QString::fromStdString(preset->name)
                                                              : QString::fromLatin1(gmProgramName(p)));
                }
            }
        } catch (const std::exception&) {
            names.clear();  // an unreadable soundfont keeps the General MIDI names; playback reports the error itself
        }
        QMetaObject::invokeMethod(
            qApp, [tracks, self, names, path, reason] {
                if (tracks && names.size() == 128) tracks->setProgramNames(names);
                if (self) emit self->soundfontFound(path, reason);
            },
            Qt::QueuedConnection);
    });
}

void StudioSound::updatePosition(Tick tick) {
    const ScoreDocument* doc = context().document();
    context().tempo()->showAt(tick);
    if (doc->isEmpty()) {
        position_->setText(tr("  --"));
        return;
    }
    const Score& s = doc->score();
    position_->setText(tr("  Bar %1   %2  ")
                           .arg(QString::fromStdString(formatBarBeat(s, tick)))
                           .arg(DatasetTableModel::formatLength(s.tempoMap().secondsAt(tick))));
}

void StudioSound::toggleLoop(bool on) {
    PianoRollView* roll = context().pianoRoll();
    ScoreDocument* doc = context().document();
    if (!on || doc->isEmpty()) {
        roll->setLoopRegion(0, 0);
        playback_->setLoop(0, 0);
        return;
    }
    // The bars of the selection, else the bars in view.
    Tick from = roll->visibleStartTick(), to = roll->visibleEndTick();
    const auto selected = doc->selectedNotes();
    if (!selected.empty()) {
        from = selected.front().second.start;
        to = from;
        for (const auto& [track, n] : selected) {
            from = std::min(from, n.start);
            to = std::max(to, n.end());
        }
    }
    Tick loopStart = 0, loopEnd = 0;
    forEachBar(doc->score(), from, to, [&](const BarInfo& bar) {
        if (loopEnd == 0) loopStart = bar.start;
        loopEnd = bar.start + bar.length;
    });
    roll->setLoopRegion(loopStart, loopEnd);
    playback_->setLoop(loopStart, loopEnd);
}

void StudioSound::fillOutputMenu() {
    QMenu* menu = context().actions()->outputMenu;
    menu->clear();
    auto* group = new QActionGroup(menu);
    auto add = [&](const QString& text, const QString& port, const QString& tip) {
        QAction* act = menu->addAction(text);
        act->setCheckable(true);
        act->setChecked(port == playback_->outputPort());
        act->setToolTip(tip);
        act->setStatusTip(tip);
        group->addAction(act);
        connect(act, &QAction::triggered, playback_, [this, port] { playback_->setOutputPort(port); });
    };
    add(tr("Internal Synthesizer"), {}, tr("Play through FluidSynth with the chosen soundfont"));
    QString note;
    const QStringList ports = PlaybackController::outputPorts(&note);
    if (!ports.isEmpty()) menu->addSeparator();
    for (const QString& port : ports) add(port, port, tr("Play to the MIDI port %1 (a synth or a DAW)").arg(port));
    // A remembered port that is not there now stays listed, so the choice can be seen and undone.
    if (!playback_->outputPort().isEmpty() && !ports.contains(playback_->outputPort()))
        add(tr("%1 (not found)").arg(playback_->outputPort()), playback_->outputPort(),
            tr("The MIDI port chosen earlier; it is not there now"));
    if (ports.isEmpty()) {
        QAction* none = menu->addAction(note.isEmpty() ? tr("No external MIDI ports") : note);
        none->setEnabled(false);
        none->setStatusTip(tr("Start a synth or DAW with a MIDI input, then open this menu again"));
        none->setToolTip(none->statusTip());
    }
}

void StudioSound::fillSoundfontMenu() {
    StudioActions* a = context().actions();
    QMenu* menu = a->soundfontMenu;
    menu->clear();
    const QString chosen = QSettings().value("sound/soundfont").toString();
    menu->addAction(a->automaticSoundfont);
    a->automaticSoundfont->setChecked(chosen.isEmpty());
    // Reads only the headers of the files in the usual folders: quick enough to do as the menu opens.
    const SoundfontScan scan = SoundfontLocator().scan();
    if (!scan.found.empty()) menu->addSection(tr("Installed"));
    for (const SoundfontInfo& info : scan.found) {
        const QString path = QString::fromStdString(info.path);
        QString label = QFileInfo(path).fileName();
        if (!info.name.empty() && QString::fromStdString(info.name) != label)
            label += QString("  (%1)").arg(QString::fromStdString(info.name));
        QAction* act = menu->addAction(label);
        act->setCheckable(true);
        act->setChecked(path == chosen);
        const QString tip = tr("%1: %2 presets%3").arg(path).arg(info.presets.size())
                                .arg(info.isGeneralMidi() ? tr(", General MIDI") : QString());
        act->setToolTip(tip);
        act->setStatusTip(tip);
        connect(act, &QAction::triggered, playback_, [this, path] { playback_->setSoundfont(path); });
    }
    menu->addSeparator();
    menu->addAction(a->chooseSoundfont);
}

void StudioSound::chooseSoundfont() {
    const QString file = QFileDialog::getOpenFileName(context().shell().mainWindow(), tr("Choose a soundfont"), playback_->soundfont(),
                                                      tr("Soundfonts (*.sf2 *.sf3);;All files (*)"));
    if (!file.isEmpty()) playback_->setSoundfont(file);
}

void StudioSound::exportAudio() {
    ScoreDocument* doc = context().document();
    if (doc->isEmpty()) return;
    QSettings settings;
    const QString last = settings.value("export/lastAudio").toString();
    // The folder of the last export of any kind; the format of the last audio export.
    const QString start = StudioPaths::exportStart(StudioPaths::lastExport(), doc->name(),
                                                   last.isEmpty() ? "wav" : QFileInfo(last).suffix());
    const AudioExportDialog::Choice choice = AudioExportDialog::ask(context().shell().mainWindow(), start, AudioExporter::fileFilter());
    if (choice.path.isEmpty()) return;
    settings.setValue("export/lastAudio", choice.path);
    StudioPaths::rememberExport(choice.path);
    exportAudioTo(choice.path, choice.normalize);
}

void StudioSound::exportAudioTo(const QString& path, bool normalize) {
    ScoreDocument* doc = context().document();
    if (doc->isEmpty()) return;
    context().progress()->begin(tr("Rendering %1").arg(QFileInfo(path).fileName()));
    exporter_->start(doc->score(), path, QSettings().value("sound/soundfont").toString(), playback_->mix(), normalize);
}

}  // namespace nf
