// SPDX-License-Identifier: GPL-3.0-or-later
#include "sound/MidiRecordController.h"

#include <QtConcurrent/QtConcurrentRun>

#include "audio/MidiRecorder.h"

namespace nf {

namespace {
constexpr const char* kVirtualPort = "NoteForge In";
}

MidiRecordController::MidiRecordController(QObject* parent) : QObject(parent) {
    poll_.setInterval(10);
    connect(&poll_, &QTimer::timeout, this, [this] {
        if (!recorder_) return;
        const std::size_t before = recorder_->messages().size();
        recorder_->poll();
        const auto& messages = recorder_->messages();
        if (messages.size() == before) return;
        if (monitor_)
            for (std::size_t i = before; i < messages.size(); ++i) {
                const RecordedMessage& m = messages[i];
                const int status = m.bytes[0] & 0xf0;
                if (m.size != 3 || (status != 0x90 && status != 0x80)) continue;
                monitor_(m.bytes[1], status == 0x90 ? m.bytes[2] : 0, m.seconds);
            }
        emit messagesReceived(static_cast<int>(messages.size()));
    });
}

MidiRecordController::~MidiRecordController() { opening_.waitForFinished(); }

MidiRecordController::OpenedInput MidiRecordController::openInput(const QString& port, const QString& backend,
                                                                  bool virtualPort) {
    OpenedInput o;
    o.recorder = std::make_shared<MidiRecorder>(backend.toStdString(), "NoteForge");
    if (virtualPort) {
        o.recorder->openVirtual(port.toStdString());
        o.port = port;
    } else if (!port.isEmpty()) {
        o.recorder->open(port.toStdString());
        o.port = port;
    } else if (const auto ports = o.recorder->ports(); !ports.empty()) {
        o.recorder->open(ports.front());
        o.port = QString::fromStdString(ports.front());
    } else {
        o.recorder->openVirtual(kVirtualPort);
        o.port = QString::fromLatin1(kVirtualPort) + tr(" (connect your keyboard to it)");
    }
    return o;
}

void MidiRecordController::begin(OpenedInput input) {
    recorder_ = std::move(input.recorder);
    poll_.start();
}

QString MidiRecordController::start(const QString& port, const QString& backend) {
    cancel();
    OpenedInput o = openInput(port, backend, false);
    const QString opened = o.port;
    begin(std::move(o));
    return opened;
}

void MidiRecordController::startAsync(const QString& port, const QString& backend) {
    cancel();
    opening_.waitForFinished();  // one cancel() dropped: its input closes with it
    const std::uint64_t run = run_;
    disconnect(&opening_, nullptr, this, nullptr);
    connect(&opening_, &QFutureWatcherBase::finished, this, [this, run] {
        OpenedInput o = opening_.result();
        if (run != run_) return;  // cancelled meanwhile
        if (!o.recorder) return emit openFailed(o.port);
        const QString port = o.port;
        begin(std::move(o));
        emit opened(port);
    });
    opening_.setFuture(QtConcurrent::run([port, backend]() -> OpenedInput {
        try {
            return openInput(port, backend, false);
        } catch (const std::exception& e) {
            return {nullptr, QString::fromStdString(e.what())};  // no recorder: `port` carries the reason
        }
    }));
}

QString MidiRecordController::startVirtual(const QString& name, const QString& backend) {
    cancel();
    begin(openInput(name, backend, true));
    return name;
}

Score MidiRecordController::stop(double bpm, bool quantize) {
    if (!recorder_) return Score{};
    recorder_->poll();
    RecordOptions options;
    options.bpm = bpm;
    options.quantize = quantize ? options.ppq / 4 : 0;
    Score take = recorder_->toScore(options);
    cancel();
    return take;
}

void MidiRecordController::cancel() {
    ++run_;
    poll_.stop();
    recorder_.reset();
}

std::size_t MidiRecordController::messageCount() const { return recorder_ ? recorder_->messages().size() : 0; }

}  // namespace nf
