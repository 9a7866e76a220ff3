// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/RemoteTrainingRun.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <utility>
#include <filesystem>

#include "remote/ShellQuote.h"
#include "remote/TrainerBundle.h"

namespace nf {

namespace {
QStringList toQt(const std::vector<std::string>& v) {
    QStringList out;
    for (const std::string& s : v) out << QString::fromStdString(s);
    return out;
}
QString lastLine(const QString& text) {
    const QStringList lines = text.split('\n', Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.back().trimmed();
}
}  // namespace

// The event log's observer: each event becomes the run's signal at once (this is the GUI thread).
class RemoteTrainingRun::Emitter final : public TrainingObserver {
public:
    explicit Emitter(RemoteTrainingRun& run) : run_(run) {}
    void onStart(const TrainingStart& s) override { emit run_.started(s); }
    void onProgress(const TrainingProgress& p) override {
        run_.paused_ = p.paused;
        emit run_.progress(p);
    }
    void onMetrics(const MetricsRow& r) override {
        // Live rows only: those written before this connection began are a replay, not a delay.
        if (run_.reader_->lastEventTime() >= run_.connectedAt_) run_.latencies_.push_back(unixNow() - run_.reader_->lastEventTime());
        emit run_.metrics(r);
        if (!r.step && run_.weightsEvery_ > 0 && r.epoch % run_.weightsEvery_ == 0) run_.fetchWeights(r.epoch);
    }
    void onMessage(const std::string& m) override { emit run_.message(QString::fromStdString(m)); }
    void onFinish(const TrainingResult& r) override { run_.result_ = r; }

private:
    RemoteTrainingRun& run_;
};

RemoteTrainingRun::RemoteTrainingRun(QObject* parent) : QObject(parent), emitter_(std::make_unique<Emitter>(*this)) {}

RemoteTrainingRun::~RemoteTrainingRun() {
    // The QProcess children are killed by their destructors; the remote trainer runs in its own session there.
    for (QProcess* p : findChildren<QProcess*>()) {
        p->disconnect(this);
        p->kill();
        p->waitForFinished(2000);
    }
}

QProcess* RemoteTrainingRun::newProcess(const QString& program) {
    auto* p = new QProcess(this);
    // A process that cannot start emits no finished(): without this the run would wait for it for ever.
    connect(p, &QProcess::errorOccurred, this, [this, p, program, generation = generation_](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart) return;
        p->deleteLater();
        if (generation == generation_)
            fail(tr("%1 could not be started: install the OpenSSH client (package openssh-client)").arg(program));
    });
    return p;
}

QProcess* RemoteTrainingRun::startScript(const std::string& script) {
    QProcess* p = newProcess(QStringLiteral("ssh"));
    p->start(QStringLiteral("ssh"), toQt(sshScriptArguments(record_.target)));
    p->write(QByteArray::fromStdString(script));
    p->closeWriteChannel();
    return p;
}

void RemoteTrainingRun::runScript(const std::string& script, Done done) {
    // A process of an earlier run, or of one that has failed or been stopped since, answers no one.
    QProcess* p = startScript(script);
    connect(p, &QProcess::finished, this, [this, p, done, generation = generation_](int code, QProcess::ExitStatus status) {
        p->deleteLater();
        if (generation != generation_ || !active_) return;
        done(status == QProcess::NormalExit ? code : 255, QString::fromUtf8(p->readAllStandardOutput()),
             QString::fromUtf8(p->readAllStandardError()));
    });
}

void RemoteTrainingRun::copy(const QStringList& from, const QString& to, Done done) {
    std::vector<std::string> files;
    for (const QString& f : from) files.push_back(f.toStdString());
    QProcess* p = newProcess(QStringLiteral("scp"));
    connect(p, &QProcess::finished, this, [this, p, done, generation = generation_](int code, QProcess::ExitStatus status) {
        p->deleteLater();
        if (generation != generation_ || !active_) return;
        done(status == QProcess::NormalExit ? code : 255, {}, QString::fromUtf8(p->readAllStandardError()));
    });
    p->start(QStringLiteral("scp"), toQt(scpArguments(record_.target, files, to.toStdString())));
}

bool RemoteTrainingRun::moveIntoPlace(const QString& part, const QString& target) {
    bytesReceived_ += QFileInfo(part).size();
    std::error_code ec;
    std::filesystem::rename(part.toStdString(), target.toStdString(), ec);  // atomic: the old file or the new one
    if (!ec) return true;
    QFile::remove(part);
    emit message(tr("Could not write %1: %2").arg(target, QString::fromStdString(ec.message())));
    return false;
}

QString RemoteTrainingRun::sshError(const QString& err) const {
    const QString why = lastLine(err);
    return tr("Cannot reach %1 over ssh: %2")
        .arg(QString::fromStdString(record_.target.host), why.isEmpty() ? tr("no answer") : why);
}

void RemoteTrainingRun::endProcesses() {
    ++generation_;  // their answers, if any still come, are dropped
    watcher_ = nullptr;
    for (QProcess* p : findChildren<QProcess*>())
        if (p->state() != QProcess::NotRunning) p->kill();  // each deletes itself when it has finished
}

void RemoteTrainingRun::fail(const QString& why) {
    if (!active_) return;
    active_ = false;
    endProcesses();
    emit recordChanged({});
    emit failed(why);
}

void RemoteTrainingRun::beginRun(const RemoteRunRecord& record) {
    endProcesses();
    record_ = record;
    active_ = true;
    paused_ = false;
    built_ = false;
    launched_ = false;
    reconnects_ = 0;
    reader_.reset();
    result_.reset();
    exitSeen_ = false;
    exitStatus_.clear();
    logTail_.clear();
    remoteError_.clear();
    connectionError_.clear();
    latencies_.clear();
    fetchingWeights_ = false;
    pendingWeights_ = 0;
    finishAfterWeights_ = false;
    bytesSent_ = bytesReceived_ = 0;
}

void RemoteTrainingRun::start(const RemoteRunRecord& record, const Upload& upload,
                              const std::vector<std::string>& trainArguments) {
    beginRun(record);
    upload_ = upload;
    trainArguments_ = trainArguments;
    for (const std::string& folder : {record_.target.runDir, record_.target.trainerRoot})
        if (!isPlainRemotePath(folder))
            return fail(tr("The folder %1 on %2 may only have letters, digits, '.', '_', '-' and '/' in its name")
                            .arg(QString::fromStdString(folder), QString::fromStdString(record_.target.host)));
    probe();
}

void RemoteTrainingRun::probe() {
    const QString host = QString::fromStdString(record_.target.host);
    emit phase(tr("Looking for noteforge-cli %1 on %2...").arg(NF_STUDIO_VERSION, host));
    const std::string version = NF_STUDIO_VERSION;
    runScript(remoteProbeScript(record_.target, "noteforge-cli " + version, version),
              [this, host](int code, const QString& out, const QString& err) {
                  if (code != 0) return fail(sshError(err));
                  const QString answer = lastLine(out);
                  if (answer.startsWith("nf-error ")) return fail(tr("%1: %2").arg(host, answer.mid(9)));
                  if (answer.startsWith("nf-program ")) return upload(answer.mid(11));
                  const QString found = answer.mid(QStringLiteral("nf-missing").size()).trimmed();
                  // None of this version there: build one from this studio's own sources, once per machine.
                  if (!built_ && record_.target.program.empty() && !trainerBundlePath().empty()) return buildThere();
                  fail(tr("%1 has no noteforge-cli %2%3: build the trainer there (docs/gpu.md, \"Train on "
                          "another machine from the studio\")")
                           .arg(host, NF_STUDIO_VERSION, found.isEmpty() ? QString() : tr(" (found: %1)").arg(found)));
              });
}

void RemoteTrainingRun::buildThere() {
    built_ = true;
    const QString host = QString::fromStdString(record_.target.host);
    const std::string dir = remoteTrainerDir(record_.target, NF_STUDIO_VERSION);
    emit phase(tr("%1 has no noteforge-cli %2: building it there from this studio's sources (once; some minutes)...")
                   .arg(host, NF_STUDIO_VERSION));
    runScript("cd || exit 0\nmkdir -p " + shellQuote(dir) + " && echo nf-ready\n",
              [this, host, dir](int code, const QString& out, const QString& err) {
                  if (code != 0) return fail(sshError(err));
                  if (lastLine(out) != "nf-ready")
                      return fail(tr("%1: cannot create %2").arg(host, QString::fromStdString(dir)));
                  const QString bundle = QString::fromStdString(trainerBundlePath());
                  copy({bundle}, QString::fromStdString(record_.target.host + ":" + dir + "/" + kTrainerBundleName),
                       [this, host, dir, bundle](int code, const QString&, const QString& err) {
                           if (code != 0) return fail(tr("Copying to %1 failed: %2").arg(host, lastLine(err)));
                           bytesSent_ += QFileInfo(bundle).size();
                           runBuild(dir);
                       });
              });
}

void RemoteTrainingRun::runBuild(const std::string& dir) {
    const QString host = QString::fromStdString(record_.target.host);
    // Followed line by line: the build's progress in the panel, its last lines in the Log if it fails.
    QProcess* p = startScript(remoteBuildScript(dir));
    auto tail = std::make_shared<QStringList>();
    auto pending = std::make_shared<QByteArray>();
    const quint64 generation = generation_;
    connect(p, &QProcess::readyReadStandardOutput, this, [this, p, tail, pending, host, generation] {
        pending->append(p->readAllStandardOutput());
        if (generation != generation_) return;
        for (qsizetype nl; (nl = pending->indexOf('\n')) >= 0;) {
            const QString line = QString::fromUtf8(pending->left(nl)).trimmed();
            pending->remove(0, nl + 1);
            tail->append(line);
            if (tail->size() > 40) tail->removeFirst();
            static const QRegularExpression step(QStringLiteral("^\\[(\\d+)/(\\d+)\\]"));
            if (const auto m = step.match(line); m.hasMatch())
                emit phase(tr("Building noteforge-cli %1 on %2: step %3 of %4")
                               .arg(NF_STUDIO_VERSION, host, m.captured(1), m.captured(2)));
        }
    });
    connect(p, &QProcess::finished, this, [this, p, tail, pending, host, generation](int code, QProcess::ExitStatus status) {
        p->deleteLater();
        if (generation != generation_ || !active_) return;  // stopped meanwhile: the build's end answers no one
        tail->append(QString::fromUtf8(*pending + p->readAllStandardOutput()).split('\n', Qt::SkipEmptyParts));
        const QString last = tail->isEmpty() ? QString() : tail->back().trimmed();
        if (status != QProcess::NormalExit || code != 0) return fail(sshError(QString::fromUtf8(p->readAllStandardError())));
        if (last.startsWith("nf-built ")) {
            emit message(tr("Built noteforge-cli %1 on %2: %3").arg(NF_STUDIO_VERSION, host, last.mid(9)));
            return probe();
        }
        for (const QString& line : *tail) emit message(tr("build on %1: %2").arg(host, line));
        // The build's own complaint (a missing compiler, CMake or LibTorch) says more than "the build failed".
        QString why = last.mid(9);
        for (auto it = tail->crbegin(); it != tail->crend(); ++it)
            if (it->startsWith("build-trainer: ") || it->contains("CMake Error") || it->contains("error:")) {
                why = *it;
                break;
            }
        fail(tr("Building noteforge-cli on %1 failed: %2 (the Log has the build's last lines)").arg(host, why));
    });
}

void RemoteTrainingRun::upload(const QString& program) {
    const QString host = QString::fromStdString(record_.target.host);
    const Upload& upload = upload_;
    QStringList files{upload.corpus, upload.config};
    if (!upload.init.isEmpty()) files << upload.init;
    if (!upload.resume.isEmpty()) files << upload.resume;
    if (!upload.model.isEmpty()) files << upload.model;
    qint64 bytes = 0;
    for (const QString& f : files) bytes += QFileInfo(f).size();
    emit phase(tr("Copying the data to %1 (%2 kB)...").arg(host).arg((bytes + 1023) / 1024));
    // Copied one by one under the run folder's names (remote/RemoteTrainingScripts.h): local names do not matter.
    std::vector<CopyItem> items{{upload.corpus, remote_file::kCorpus}, {upload.config, remote_file::kConfig}};
    if (!upload.init.isEmpty()) items.push_back({upload.init, remote_file::kInit});
    if (!upload.resume.isEmpty()) items.push_back({upload.resume, remote_file::kResume});
    if (!upload.model.isEmpty()) items.push_back({upload.model, remote_file::kModel});
    for (CopyItem& item : items) item.to = QString::fromStdString(remotePath(record_.target, item.to.toStdString()));
    copyEach(std::make_shared<const std::vector<CopyItem>>(std::move(items)), 0,
             [this, host](std::size_t, int code, const QString& err) {
                 if (code != 0) fail(tr("Copying to %1 failed: %2").arg(host, lastLine(err)));
             },
             [this, program, bytes] {
                 bytesSent_ += bytes;
                 record_.target.program = program.toStdString();  // reattaching needs no probe
                 launch(program, trainArguments_);
             });
}

void RemoteTrainingRun::launch(const QString& program, const std::vector<std::string>& trainArguments) {
    const QString host = QString::fromStdString(record_.target.host);
    emit phase(tr("Starting the training on %1...").arg(host));
    runScript(remoteLaunchScript(record_.target, program.toStdString(), trainArguments),
              [this, host](int code, const QString& out, const QString& err) {
                  if (code != 0) return fail(sshError(err));
                  const QString answer = lastLine(out);
                  if (!answer.startsWith("nf-started ")) return fail(tr("%1: %2").arg(host, answer.mid(9)));
                  launched_ = true;
                  emit recordChanged(QString::fromStdString(record_.toJson()));
                  emit phase(tr("Training on %1 (process %2); its figures follow").arg(host, answer.mid(11)));
                  attach();
              });
}

void RemoteTrainingRun::reattach(const RemoteRunRecord& record) {
    beginRun(record);
    launched_ = true;
    emit phase(tr("Reattaching to the training on %1...").arg(QString::fromStdString(record_.target.host)));
    attach();
}

void RemoteTrainingRun::attach() {
    if (!reader_) {
        reader_ = std::make_unique<TrainingEventReader>(*emitter_);
        reader_->otherLine = [this](std::string_view l) { onOtherLine(QString::fromUtf8(l.data(), static_cast<qsizetype>(l.size()))); };
        reader_->badLine = [this](std::string_view, const std::string& why) {
            emit message(tr("A line of the remote event log was skipped: %1").arg(QString::fromStdString(why)));
        };
    }
    reader_->dropPartialLine();
    connectedAt_ = unixNow();
    QProcess* w = startScript(remoteAttachScript(record_.target, reader_->eventLines() + 1));
    watcher_ = w;
    const quint64 generation = generation_;
    connect(w, &QProcess::readyReadStandardOutput, this, [this, w, generation] {
        const QByteArray bytes = w->readAllStandardOutput();
        if (generation != generation_) return;
        reconnects_ = 0;
        bytesReceived_ += bytes.size();
        reader_->feed(std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    });
    connect(w, &QProcess::finished, this, [this, w, generation](int code, QProcess::ExitStatus status) {
        w->deleteLater();
        if (generation != generation_) return;
        watcher_ = nullptr;
        // What is still buffered belongs to this connection.
        const QByteArray rest = w->readAllStandardOutput();
        reader_->feed(std::string_view(rest.constData(), static_cast<std::size_t>(rest.size())));
        // ssh's own complaint only for a broken connection: a clean end's stderr is login noise ("Warning:
        // Permanently added ...", a login script's output), never the reason a training failed.
        if (!exitSeen_ && (status != QProcess::NormalExit || code == 255))
            connectionError_ = lastLine(QString::fromUtf8(w->readAllStandardError()));
        watcherEnded();
    });
}

void RemoteTrainingRun::onOtherLine(const QString& line) {
    if (line.startsWith("#nf-exit ")) {
        exitSeen_ = true;
        exitStatus_ = line.mid(9).trimmed();
    } else if (line.startsWith("#nf-log ")) {
        logTail_ << line.mid(8);
    } else if (line.startsWith("#nf-error ")) {
        exitSeen_ = true;  // nothing to follow there: not a lost connection
        remoteError_ = line.mid(10);
    }
}

void RemoteTrainingRun::watcherEnded() {
    if (!active_) return;
    const QString host = QString::fromStdString(record_.target.host);
    if (!exitSeen_) {
        // The connection broke (network, sleep, a killed ssh): the run goes on there. Try again, and again.
        ++reconnects_;
        emit phase(tr("Connection to %1 lost (%2); the training goes on there. Reconnecting...")
                       .arg(host, connectionError_.isEmpty() ? tr("no reason given") : connectionError_));
        connectionError_.clear();
        // Backing off to a minute: a laptop away from its network must not spin.
        const int delay = std::min(60000, reconnectDelayMs_ << std::min(reconnects_ - 1, 5));
        QTimer::singleShot(delay, this, [this, generation = generation_] {
            if (generation == generation_ && active_ && !watcher_) attach();
        });
        return;
    }
    if (result_) return fetchResults();
    QString why = !remoteError_.isEmpty() ? remoteError_
                  : !logTail_.isEmpty()   ? logTail_.back()
                                          : tr("it ended with status %1").arg(exitStatus_);
    why.remove(QRegularExpression(QStringLiteral("^noteforge: ")));
    fail(tr("The training on %1 failed: %2").arg(host, why));
}

void RemoteTrainingRun::copyEach(std::shared_ptr<const std::vector<CopyItem>> items, std::size_t i,
                                 std::function<void(std::size_t, int, const QString&)> each, std::function<void()> done) {
    if (!active_) return;  // failed on the way
    if (i == items->size()) return done();
    const CopyItem& item = (*items)[i];
    copy({item.from}, item.to, [this, items, i, each, done](int code, const QString&, const QString& err) {
        each(i, code, err);
        copyEach(items, i + 1, each, done);
    });
}

void RemoteTrainingRun::fetchWeights(int epoch) {
    if (fetchingWeights_) {
        pendingWeights_ = epoch;  // only the newest is worth copying
        return;
    }
    fetchingWeights_ = true;
    const QString local = QString::fromStdString(record_.localModel);
    const QString part = local + ".part";
    copy({QString::fromStdString(remotePath(record_.target, remote_file::kModel))}, part,
         [this, epoch, local, part](int code, const QString&, const QString&) {
             fetchingWeights_ = false;
             if (code == 0) {
                 if (moveIntoPlace(part, local)) emit weightsFetched(epoch);
             } else {
                 QFile::remove(part);  // not written yet there, or the connection is down: the next epoch tries again
             }
             if (const int next = std::exchange(pendingWeights_, 0); next > 0) return fetchWeights(next);
             if (finishAfterWeights_) {
                 finishAfterWeights_ = false;
                 fetchResults();
             }
         });
}

void RemoteTrainingRun::fetchResults() {
    if (fetchingWeights_) {
        // Two copies of the same file must not cross: the final one waits for the one under way.
        finishAfterWeights_ = true;
        return;
    }
    const TrainingResult r = *result_;
    const QString local = QString::fromStdString(record_.localModel);
    // Into "NAME.part" first, renamed over the target once whole: a lost connection never leaves half a model.
    std::vector<CopyItem> items;
    std::vector<std::pair<std::string, QString>> names;  // the trainer's path there, the copy's here
    const auto add = [&](const std::string& there, const QString& here) {
        if (there.empty()) return;
        const std::string name = std::filesystem::path(there).filename().string();
        items.push_back({QString::fromStdString(remotePath(record_.target, name)), here + ".part"});
        names.emplace_back(there, here);
    };
    add(r.checkpointPath, local + ".ckpt");  // first: its name contains the model's (message rewriting below)
    add(r.modelPath, local);
    emit phase(tr("Copying the model back from %1...").arg(QString::fromStdString(record_.target.host)));
    auto shared = std::make_shared<const std::vector<CopyItem>>(std::move(items));
    copyEach(
        shared, 0,
        [this, shared](std::size_t i, int code, const QString& err) {
            const QString part = (*shared)[i].to;
            const QString target = part.chopped(5);
            if (code != 0) {
                QFile::remove(part);
                // A lost connection is said; the file stays there to be copied by hand.
                emit message(tr("Not copied from %1: %2 (%3)").arg(QString::fromStdString(record_.target.host), (*shared)[i].from, lastLine(err)));
                return;
            }
            moveIntoPlace(part, target);
        },
        [this, r, names] {
            TrainingResult out = r;
            // The trainer spoke of its own files there; the studio speaks of the copies here.
            for (const auto& [there, here] : names)
                for (std::size_t at = 0; (at = out.message.find(there, at)) != std::string::npos;) {
                    out.message.replace(at, there.size(), here.toStdString());
                    at += static_cast<std::size_t>(here.toStdString().size());  // the copy's path may contain the name
                }
            const std::string model = record_.localModel, checkpoint = record_.localModel + ".ckpt";
            out.modelPath = !r.modelPath.empty() && std::filesystem::exists(model) ? model : std::string();
            out.checkpointPath = !r.checkpointPath.empty() && std::filesystem::exists(checkpoint) ? checkpoint : std::string();
            active_ = false;
            emit recordChanged({});
            emit finished(out);
        });
}

void RemoteTrainingRun::sendSignal(const char* signal, const QString& couldNot, bool unreachableStopsFollowing) {
    if (!active_) return;
    const QString host = QString::fromStdString(record_.target.host);
    runScript(remoteSignalScript(record_.target, signal),
              [this, host, couldNot, unreachableStopsFollowing](int code, const QString& out, const QString& err) {
                  if (code == 255 && unreachableStopsFollowing) return stopFollowing();
                  if (code != 0) emit message(couldNot.arg(host, sshError(err)));
                  else if (lastLine(out) != "nf-signalled") emit message(tr("The training on %1 is not running").arg(host));
              });
}

void RemoteTrainingRun::stopFollowing() {
    if (!active_) return;
    const QString why = tr("Stopped following the training on %1; it may still be running there, in %2")
                            .arg(QString::fromStdString(record_.target.host), QString::fromStdString(record_.target.runDir));
    fail(why);
}

void RemoteTrainingRun::pause() {
    if (!active_) return;
    if (!launched_) {
        emit message(tr("Pause works once the training runs on %1").arg(QString::fromStdString(record_.target.host)));
        return;
    }
    paused_ = true;
    sendSignal("USR1", tr("Could not pause the training on %1: %2"), false);
}

void RemoteTrainingRun::resume() {
    if (!active_ || !launched_) return;
    paused_ = false;
    sendSignal("USR2", tr("Could not resume the training on %1: %2"), false);
}

void RemoteTrainingRun::stop() {
    if (!active_) return;
    if (!launched_) {
        // Nothing runs there yet (looking, building, copying): end here, and nothing will start.
        return fail(tr("Stopped before the training started on %1").arg(QString::fromStdString(record_.target.host)));
    }
    // No connection to send the stop through: stop following instead, saying where the run may still be.
    if (reconnects_ > 0) return stopFollowing();
    // A paused trainer wakes up to see the stop: the CLI's TERM handler resumes before stopping.
    sendSignal("TERM", tr("Could not stop the training on %1: %2"), true);
}

}  // namespace nf
