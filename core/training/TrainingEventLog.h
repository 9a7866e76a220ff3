// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "training/TrainingMetrics.h"

namespace nf {

// A training run's events as JSON lines, one per event, flushed as they happen: how a trainer on another machine
// (`noteforge-cli train --events FILE`) is watched from the studio, which reads the file over SSH as it grows and
// replays every line into its own observer, so the remote run's charts are the local ones.
// A line: {"v":1,"t":UNIX_SECONDS,"event":"start|progress|metrics|message|finish", ...}. "t" is the writer's clock
// when the event happened (the studio's latency figure on one machine). Progress is thinned to one line per
// kProgressInterval (a pause or an epoch's last step always written): the trainer reports every step.
class TrainingEventWriter final : public TrainingObserver {
public:
    static constexpr int kVersion = 1;
    static constexpr std::chrono::milliseconds kProgressInterval{250};

    // Throws std::runtime_error naming the file when it cannot be created. The file is truncated: one run per file.
    explicit TrainingEventWriter(const std::string& path);
    ~TrainingEventWriter() override;
    TrainingEventWriter(const TrainingEventWriter&) = delete;
    TrainingEventWriter& operator=(const TrainingEventWriter&) = delete;

    void onStart(const TrainingStart& start) override;
    void onProgress(const TrainingProgress& progress) override;
    void onMetrics(const MetricsRow& row) override;
    void onMessage(const std::string& text) override;
    void onFinish(const TrainingResult& result) override;

private:
    void write(const std::string& line);
    std::FILE* file_ = nullptr;
    std::string path_;
    std::chrono::steady_clock::time_point lastProgress_{};
    bool lastPaused_ = false;
};

// One event line as text, and back: the writer's and the reader's halves, tested as a pair.
std::string trainingEventLine(std::string_view event, const std::string& payloadJson, double unixSeconds);
std::string startEventLine(const TrainingStart& start, double unixSeconds);
std::string progressEventLine(const TrainingProgress& progress, double unixSeconds);
std::string metricsEventLine(const MetricsRow& row, double unixSeconds);
std::string messageEventLine(const std::string& text, double unixSeconds);
std::string finishEventLine(const TrainingResult& result, double unixSeconds);

// Reads the event lines as they arrive, in chunks of any size (a line may be cut anywhere), and calls the
// observer for each. Lines that are not events (the watcher's own, starting with '#') go to `otherLine`; a
// damaged or unknown event line goes to `badLine` with the reason and is skipped, never thrown: a stream from
// another version must not bring the studio down.
class TrainingEventReader {
public:
    explicit TrainingEventReader(TrainingObserver& observer) : observer_(observer) {}

    std::function<void(std::string_view line)> otherLine;
    std::function<void(std::string_view line, const std::string& why)> badLine;

    void feed(std::string_view bytes);
    // Forgets a line cut short by a lost connection: the watcher asks for it again, whole, when it reconnects.
    void dropPartialLine() { pending_.clear(); }
    // Event lines read so far (the watcher asks for the lines after these when it reconnects).
    long long eventLines() const { return eventLines_; }
    // The "t" of the last event read (0 before any): latency = now - this, when both ends share a clock.
    double lastEventTime() const { return lastTime_; }
    bool finished() const { return finished_; }

private:
    void line(std::string_view text);
    TrainingObserver& observer_;
    std::string pending_;
    long long eventLines_ = 0;
    double lastTime_ = 0;
    bool finished_ = false;
};

// Seconds since the Unix epoch, the event lines' clock.
double unixNow();

}  // namespace nf
