// SPDX-License-Identifier: GPL-3.0-or-later
#include "sound/MidiRecordController.h"

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

MidiRecordController::~MidiRecordController() = default;

QString MidiRecordController::start(const QString& port, const QString& backend) {
    cancel();
    auto rec = std::make_unique<MidiRecorder>(backend.toStdString(), "NoteForge");
    QString opened;
    if (!port.isEmpty()) {
        rec->open(port.toStdString());
        opened = port;
    } else if (const auto ports = rec->ports(); !ports.empty()) {
        rec->open(ports.front());
        opened = QString::fromStdString(ports.front());
    } else {
        rec->openVirtual(kVirtualPort);
        opened = QString::fromLatin1(kVirtualPort) + tr(" (connect your keyboard to it)");
    }
    recorder_ = std::move(rec);
    poll_.start();
    return opened;
}

QString MidiRecordController::startVirtual(const QString& name, const QString& backend) {
    cancel();
    auto rec = std::make_unique<MidiRecorder>(backend.toStdString(), "NoteForge");
    rec->openVirtual(name.toStdString());
    recorder_ = std::move(rec);
    poll_.start();
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
    poll_.stop();
    recorder_.reset();
}

std::size_t MidiRecordController::messageCount() const { return recorder_ ? recorder_->messages().size() : 0; }

}  // namespace nf
