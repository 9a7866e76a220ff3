// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <functional>
#include <memory>

#include "music/Score.h"

namespace nf {

class MidiRecorder;

// Records a phrase from a MIDI keyboard to seed generation: the first input port there is, or, when none exists,
// a port named "NoteForge In" that a keyboard or a DAW can connect to. The driver's messages are collected every
// 30 ms on the GUI thread (the recorder's queue is lock-free); stopping turns the take into a Score.
class MidiRecordController : public QObject {
    Q_OBJECT
public:
    explicit MidiRecordController(QObject* parent = nullptr);
    ~MidiRecordController() override;

    bool isRecording() const { return recorder_ != nullptr; }
    bool isOpening() const { return opening_.isRunning(); }

    // An input opened: the recorder and the port it listens to, for display.
    struct OpenedInput {
        std::shared_ptr<MidiRecorder> recorder;
        QString port;
    };
    // Opens `port` (empty = the first input there is, else a new port "NoteForge In"; or a new port of that name
    // when `virtualPort`) on `backend` ("alsa", "jack", empty = ALSA, else JACK). Throws std::runtime_error with a
    // one-line reason. May take seconds (a JACK client coming up): call it off the GUI thread, as startAsync() does.
    static OpenedInput openInput(const QString& port, const QString& backend, bool virtualPort);

    // Starts a take: `port` names an input (empty = the first, else a virtual one), `backend` "alsa", "jack" or
    // empty (ALSA, else JACK). Returns the port recorded from; throws std::runtime_error with a one-line reason.
    QString start(const QString& port = {}, const QString& backend = {});
    // The same, the input opened on a worker: opened(port) or openFailed(reason) follows, on the GUI thread.
    void startAsync(const QString& port = {}, const QString& backend = {});
    // Starts a take on a new virtual port of that name.
    QString startVirtual(const QString& name, const QString& backend = {});
    // Ends the take: the phrase at `bpm` (quantized to sixteenths when `quantize`).
    Score stop(double bpm = 120, bool quantize = true);
    void cancel();
    std::size_t messageCount() const;
    // Called on the GUI thread for each note the keyboard plays or releases (velocity 0 = released), so the
    // musician hears the phrase while recording it, with the input's time stamp (seconds since its first message:
    // the MIDI system's clock, exact whatever the polling). Polled every 10 ms while a take runs: the monitor lags
    // by at most that plus one audio buffer.
    using Monitor = std::function<void(int pitch, int velocity, double seconds)>;
    void setMonitor(Monitor monitor) { monitor_ = std::move(monitor); }

signals:
    void messagesReceived(int count);
    void opened(const QString& port);
    void openFailed(const QString& reason);

private:
    void begin(OpenedInput input);

    std::shared_ptr<MidiRecorder> recorder_;
    QFutureWatcher<OpenedInput> opening_;
    std::uint64_t run_ = 0;  // a start cancelled while its input opened: that input is closed, not used
    QTimer poll_;
    Monitor monitor_;
};

}  // namespace nf
