// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

#include "remote/RemoteTrainingScripts.h"
#include "training/TrainingEventLog.h"
#include "training/TrainingMetaTypes.h"
#include "training/TrainingMetrics.h"

namespace nf {

// A training on another machine, driven over the system's ssh and scp (the user's keys and ~/.ssh/config; nothing
// of NoteForge's own listens anywhere): copies the tokenized data and the configuration into a run folder there,
// starts `noteforge-cli train` detached from the connection, follows its event log (training/TrainingEventLog.h)
// and gives every event as the local trainer's signals, so the Training panel cannot tell the two apart. Pause,
// resume and stop are signals to the remote process. When the connection is lost the run goes on there; this
// reconnects and continues the stream from the first event it has not seen. A machine without noteforge-cli of
// this version gets one built there from the studio's own sources (packaging/trainer-bundle.sh), once. At the end the model and the
// checkpoint are copied back (atomically) beside where a local run would have written them.
// Everything here runs on the GUI thread through QProcess: nothing blocks it.
class RemoteTrainingRun : public QObject {
    Q_OBJECT
public:
    struct Upload {
        QString corpus;  // a token file (tokenize/CorpusFile.h)
        QString config;  // the configuration as JSON
        QString init;    // a model to fine-tune, or empty
        QString resume;  // a checkpoint to continue, or empty
        QString model;   // resuming: the best model so far (it becomes model.nfm there), or empty
    };

    explicit RemoteTrainingRun(QObject* parent = nullptr);
    ~RemoteTrainingRun() override;  // ends the local ssh processes only: the remote run goes on

    // Finds the trainer there, uploads, launches, follows.
    void start(const RemoteRunRecord& record, const Upload& upload, const std::vector<std::string>& trainArguments);
    // Follows a run started earlier (a restarted studio): its events from the first, then the end as usual.
    void reattach(const RemoteRunRecord& record);

    void pause();
    void resume();
    void stop();

    bool isActive() const { return active_; }
    bool isPaused() const { return paused_; }
    const RemoteRunRecord& record() const { return record_; }

    // Measured: bytes copied each way (files, and the event log's stream), and for each metrics row written while
    // connected the seconds from its line being written there to its signal here (meaningful when both clocks
    // agree: the loopback test, or NTP-synchronised machines).
    qint64 bytesSent() const { return bytesSent_; }
    qint64 bytesReceived() const { return bytesReceived_; }
    const std::vector<double>& metricLatencies() const { return latencies_; }
    // The ssh process following the event log (tests break the connection through it); null between connections.
    QProcess* watcher() const { return watcher_; }
    // Copies the model back every N epochs while it trains (0: only at the end), for Listen (TrainingListener).
    void setWeightsEvery(int epochs) { weightsEvery_ = epochs; }
    // Seconds to wait before each reconnection (tests shorten it).
    void setReconnectDelayMs(int ms) { reconnectDelayMs_ = ms; }

signals:
    void phase(const QString& text);  // what it is doing now, for the panel and the Log
    void started(const nf::TrainingStart& start);
    void progress(const nf::TrainingProgress& progress);
    void metrics(const nf::MetricsRow& row);
    void message(const QString& text);
    // Every start() or reattach() ends with exactly one of these, or goes on following.
    void finished(const nf::TrainingResult& result);
    void failed(const QString& message);
    // The model as of epoch `epoch` has been copied back to the record's local model path.
    void weightsFetched(int epoch);
    // The run to reattach to after a restart (a RemoteRunRecord's JSON); empty once it has ended.
    void recordChanged(const QString& json);

private:
    class Emitter;
    using Done = std::function<void(int exitCode, const QString& out, const QString& err)>;
    // Every ssh and scp of a run: a process that cannot start fails the run (it would never say finished()).
    QProcess* newProcess(const QString& program);
    QProcess* startScript(const std::string& script);  // ssh ... sh -s, the script on its standard input
    void runScript(const std::string& script, Done done);
    // Renames a copied file over its target (atomically), counting its bytes; says why when it cannot.
    bool moveIntoPlace(const QString& part, const QString& target);
    void copy(const QStringList& from, const QString& to, Done done);
    struct CopyItem {
        QString from, to;
    };
    // Copies the items one after the other, calling `each` after every copy and `done` after the last; stops when
    // the run has failed meanwhile.
    void copyEach(std::shared_ptr<const std::vector<CopyItem>> items, std::size_t i,
                  std::function<void(std::size_t, int, const QString&)> each, std::function<void()> done);
    void probe();
    void buildThere();
    void runBuild(const std::string& dir);
    void upload(const QString& program);
    void launch(const QString& program, const std::vector<std::string>& trainArguments);
    void attach();
    void watcherEnded();
    void fetchResults();
    void fetchWeights(int epoch);
    // couldNot: "...%1 (host)...%2 (why)"; unreachableStopsFollowing: a machine ssh cannot reach ends the following.
    void sendSignal(const char* signal, const QString& couldNot, bool unreachableStopsFollowing);
    void stopFollowing();
    void beginRun(const RemoteRunRecord& record);  // every start and reattach: nothing of an earlier run survives
    void endProcesses();
    void fail(const QString& why);
    void onOtherLine(const QString& line);
    QString sshError(const QString& err) const;

    RemoteRunRecord record_;
    Upload upload_;
    std::vector<std::string> trainArguments_;
    bool built_ = false;     // a build there was tried in this start: never twice
    bool launched_ = false;  // the trainer runs there (signals can reach it)
    quint64 generation_ = 0; // raised when a run begins, fails or stops: older processes' answers are dropped
    std::unique_ptr<Emitter> emitter_;
    std::unique_ptr<TrainingEventReader> reader_;
    QProcess* watcher_ = nullptr;
    bool active_ = false;
    bool paused_ = false;
    bool exitSeen_ = false;
    QString exitStatus_;
    QStringList logTail_;
    QString remoteError_;      // the run folder's complaint (#nf-error)
    QString connectionError_;  // ssh's, when the connection broke
    std::optional<TrainingResult> result_;
    qint64 bytesSent_ = 0, bytesReceived_ = 0;
    std::vector<double> latencies_;
    int reconnectDelayMs_ = 3000;
    int reconnects_ = 0;
    int weightsEvery_ = 0;
    bool fetchingWeights_ = false;
    int pendingWeights_ = 0;       // an epoch whose weights to copy once the copy under way is done
    bool finishAfterWeights_ = false;  // the end came during a copy of the weights: the results after it
    double connectedAt_ = 0;  // Unix seconds: when the event log's current connection began
};

}  // namespace nf
