// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/TrainingPanel.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QListWidget>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSettings>
#include <QThread>

#include <algorithm>

#include "models/DatasetTableModel.h"
#include "project/StudioPaths.h"
#include "remote/SshHosts.h"
#include "training/HyperparameterForm.h"
#include "training/Trainer.h"
#include "training/TrainingModule.h"
#include "training/TrainingCharts.h"
#include "training/FineTuning.h"
#include "training/TrainingController.h"

namespace nf {

namespace {
const char* kConfigKey = "training/config";
const char* kRunOnKey = "training/runOn";

QString threadCount(int n) { return n == 1 ? TrainingPanel::tr("1 thread") : TrainingPanel::tr("%1 threads").arg(n); }

QPushButton* button(QWidget* parent, const QString& text, const QString& tip) {
    auto* b = new QPushButton(text, parent);
    b->setToolTip(tip);
    b->setStatusTip(tip);
    return b;
}
}  // namespace

TrainingPanel::TrainingPanel(TrainingController* controller, std::function<std::shared_ptr<const Dataset>()> dataset,
                             QWidget* parent)
    : QWidget(parent), controller_(controller), dataset_(std::move(dataset)) {
    form_ = new HyperparameterForm(this);
    startFrom_ = new BaseModelChoice(form_);
    adaptersOnly_ = new QCheckBox(tr("Adapters only"), form_);
    adaptersOnly_->setToolTip(tr("Keep the base model's weights and train rank-%1 low-rank adapters on top of them: the "
                                 "model file is a few hundred kilobytes and opens with its base. Transformer bases only.")
                                  .arg(kAdapterRank));
    if (auto* rows = qobject_cast<QFormLayout*>(form_->layout())) {
        rows->insertRow(0, tr("Start from:"), startFrom_);
        rows->insertRow(1, QString(), adaptersOnly_);
    }
    const auto offerAdapters = [this] { adaptersOnly_->setEnabled(!startFrom_->initPath().isEmpty()); };
    connect(startFrom_, &QComboBox::currentIndexChanged, this, offerAdapters);
    offerAdapters();
    connect(form_, &HyperparameterForm::presetApplied, startFrom_, &BaseModelChoice::chooseNothing);
    // The settings of the last training started: a musician tunes them once, not every session.
    if (const QString saved = QSettings().value(kConfigKey).toString(); !saved.isEmpty()) {
        try {
            form_->setConfig(TrainingConfig::fromJson(saved.toStdString()));
        } catch (const std::exception&) {
            QSettings().remove(kConfigKey);  // from another version or damaged: the defaults instead
        }
    }
    // A fine-tune takes its network and schedule from the base: the form shows them, greyed, rather than values
    // that would be ignored.
    connect(startFrom_, &QComboBox::currentIndexChanged, this, &TrainingPanel::showStartingPoint);
    connect(adaptersOnly_, &QCheckBox::toggled, this, &TrainingPanel::showStartingPoint);
    showStartingPoint();
    settings_ = new QScrollArea(this);
    settings_->setWidget(form_);
    settings_->setWidgetResizable(true);
    settings_->setMinimumWidth(form_->sizeHint().width() + 24);

    device_ = new QLabel(this);
    device_->setWordWrap(true);
    // Where it trains: here, or a machine reached with the system's ssh (docs/gpu.md). The hosts are those named in
    // the user's ssh configuration; another ([user@]machine) can be typed.
    runOn_ = new QComboBox(this);
    runOn_->setEditable(true);
    runOn_->setInsertPolicy(QComboBox::NoInsert);
    runOn_->addItem(tr("This computer"), QString());
    for (const std::string& host : sshConfigHosts(defaultSshConfigPath()))
        runOn_->addItem(QString::fromStdString(host), QString::fromStdString(host));
    runOn_->setToolTip(tr("Train on this computer, or on another machine over SSH: a Host of your ~/.ssh/config or "
                          "user@machine. That machine needs noteforge-cli of this version; your keys must let ssh in "
                          "without a password prompt. The live charts, Pause and Stop work the same; the model is "
                          "copied back when it ends."));
    runOn_->setStatusTip(runOn_->toolTip());
    if (const QString saved = QSettings().value(kRunOnKey).toString(); !saved.isEmpty()) {
        const int at = runOn_->findData(saved);
        if (at >= 0) runOn_->setCurrentIndex(at);
        else runOn_->setEditText(saved);
    }
    connect(runOn_, &QComboBox::currentTextChanged, this, [this] { showDeviceChoice(); });
    showDeviceChoice();
    start_ = button(this, tr("Start"), tr("Train a new model on the loaded dataset"));
    pause_ = button(this, tr("Pause"), tr("Pause between two steps; Resume carries on"));
    stop_ = button(this, tr("Stop"), tr("Stop after the current step, saving a checkpoint"));
    resume_ = button(this, tr("Resume from Checkpoint..."), tr("Continue a training from a checkpoint file"));
    progress_ = new QProgressBar(this);
    progress_->setFormat(tr("idle"));
    progress_->setValue(0);
    state_ = new QLabel(this);
    state_->setWordWrap(true);
    models_ = new QListWidget(this);
    models_->setToolTip(tr("Model files and checkpoints; double-click one to generate with it"));
    samples_ = new QListWidget(this);
    samples_->setToolTip(tr("Short pieces generated while training; double-click to hear one. The longest passage "
                            "copied from the training data warns when the model starts to memorise it."));
    listenEvery_ = new QSpinBox(this);
    listenEvery_->setRange(0, 1000);
    listenEvery_->setValue(2);
    listenEvery_->setSpecialValueText(tr("off"));
    listenEvery_->setPrefix(tr("sample every "));
    listenEvery_->setSuffix(tr(" epochs"));
    listenEvery_->setToolTip(tr("Listen while it trains: generate a short piece from the weights every N epochs"));
    listenEvery_->setStatusTip(listenEvery_->toolTip());
    lists_ = new QTabWidget(this);
    QTabWidget* lists = lists_;
    lists->addTab(models_, tr("Models"));
    auto* samplesTab = new QWidget(lists);
    auto* samplesLayout = new QVBoxLayout(samplesTab);
    samplesLayout->setContentsMargins(0, 0, 0, 0);
    samplesLayout->addWidget(listenEvery_);
    samplesLayout->addWidget(samples_, 1);
    lists->addTab(samplesTab, tr("Listen"));
    charts_ = new TrainingCharts(this);

    auto* controls = new QWidget(this);
    auto* grid = new QGridLayout(controls);
    grid->setContentsMargins(0, 0, 0, 0);
    auto* runOnRow = new QHBoxLayout;
    runOnRow->addWidget(new QLabel(tr("Run on:"), controls));
    runOnRow->addWidget(runOn_, 1);
    grid->addLayout(runOnRow, 0, 0, 1, 2);
    grid->addWidget(device_, 1, 0, 1, 2);
    grid->addWidget(start_, 2, 0);
    grid->addWidget(pause_, 2, 1);
    grid->addWidget(stop_, 3, 0);
    grid->addWidget(resume_, 3, 1);
    grid->addWidget(progress_, 4, 0, 1, 2);
    grid->addWidget(state_, 5, 0, 1, 2);
    grid->addWidget(lists, 6, 0, 1, 2);
    grid->setRowStretch(6, 1);
    controls->setMinimumWidth(260);
    controls->setMaximumWidth(360);

    columns_ = new QHBoxLayout(this);
    columns_->setContentsMargins(4, 4, 4, 4);
    columns_->addWidget(settings_);
    columns_->addWidget(controls);
    columns_->addWidget(charts_, 1);

    connect(start_, &QPushButton::clicked, this, [this] { startTraining(); });
    connect(pause_, &QPushButton::clicked, this, [this] {
        if (controller_->isPaused()) controller_->resume();
        else controller_->pause();
        // What the controller says now: a remote run not yet started there cannot pause.
        pause_->setText(controller_->isPaused() ? tr("Resume") : tr("Pause"));
    });
    connect(stop_, &QPushButton::clicked, controller_, &TrainingController::stop);
    connect(resume_, &QPushButton::clicked, this, &TrainingPanel::resumeFromCheckpoint);
    connect(samples_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit sampleChosen(item->data(Qt::UserRole).toInt()); });
    connect(models_, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { emit modelChosen(item->data(Qt::UserRole).toString()); });
    connect(controller_, &TrainingController::tokenizing, this, [this] {
        progress_->setRange(0, 0);
        progress_->setFormat(tr("Tokenizing..."));
    });
    connect(controller_, &TrainingController::phase, state_, &QLabel::setText);
    connect(controller_, &TrainingController::attached, this, [this](const QString& host) {
        charts_->clear();
        samples_->clear();
        setRunning(true);
        progress_->setRange(0, 0);
        progress_->setFormat(tr("Reattaching..."));
        state_->setText(tr("Following the training on %1 that the last session started").arg(host));
    });
    connect(controller_, &TrainingController::started, this, &TrainingPanel::onStarted);
    connect(controller_, &TrainingController::progress, this, &TrainingPanel::onProgress);
    connect(controller_, &TrainingController::metrics, charts_, &TrainingCharts::addRow);
    connect(controller_, &TrainingController::finished, this, &TrainingPanel::onFinished);
    connect(controller_, &TrainingController::failed, this, [this](const QString& why) {
        setRunning(false);
        state_->setText(why);
        progress_->setFormat(tr("failed"));
    });
    setRunning(false);

    // Models trained earlier are there to generate with.
    const QDir dir(QFileInfo(nextModelPath()).absolutePath());
    for (const QFileInfo& f : dir.entryInfoList({"*.nfm", "*.nfmodel"}, QDir::Files, QDir::Time))
        addModel(f.absoluteFilePath(), f.fileName());
}

QString TrainingPanel::remoteHost() const {
    const QString text = runOn_->currentText().trimmed();
    if (runOn_->currentIndex() == 0 && text == runOn_->itemText(0)) return {};
    return text;
}

void TrainingPanel::showDeviceChoice() {
    if (const QString host = remoteHost(); !host.isEmpty()) {
        device_->setText(tr("Device: chosen on %1 at Start (its CUDA GPU if it has one, else all its cores)").arg(host));
        device_->setToolTip(tr("The training runs there through ssh; its noteforge-cli must be this version (%1)")
                                .arg(NF_STUDIO_VERSION));
        return;
    }
    // The threads a Start would use (every core but one), as the label says during training too. Whether a CUDA
    // GPU is there is asked of the training module, which is loaded only when training starts (it brings LibTorch).
    const std::string located = TrainingModule::locate();
    const bool haveModule = !located.empty();
    device_->setText(haveModule ? tr("Device: chosen at Start (a CUDA GPU if there is one, else CPU, %1)")
                                      .arg(threadCount(std::max(1, QThread::idealThreadCount() - 1)))
                                : tr("Training needs the NoteForge training module, which is not installed "
                                     "(package noteforge-training). Generation, playback and export work without it."));
    device_->setToolTip(haveModule ? tr("Training module: %1").arg(QString::fromStdString(located)) : QString());
}

QString TrainingPanel::nextModelPath() const {
    const QString dir = StudioPaths::models();
    QString data = QStringLiteral("data");
    if (dataset_)
        if (auto ds = dataset_(); ds && !ds->root.empty()) data = QFileInfo(QString::fromStdString(ds->root)).baseName();
    // A fine-tuned model is named after its base ("demo-folk-tuned-..."), not after the form's model kind.
    const QString base = startFrom_->initPath();
    const QString suffix = adaptersOnly_->isChecked() ? QStringLiteral("-adapter") : QStringLiteral("-tuned");
    const QString kind = base.isEmpty() ? QString::fromStdString(toString(form_->config().model.kind))
                                        : QFileInfo(base).completeBaseName() + suffix;
    return QString("%1/%2-%3-%4.nfm")
        .arg(dir, data, kind,
             QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss"));
}

void TrainingPanel::showStartingPoint() {
    const QString base = startFrom_->initPath();
    std::optional<TrainingConfig> shown;
    if (!base.isEmpty()) {
        try {
            shown = fineTuningConfig(base.toStdString(), form_->config().epochs, adaptersOnly_->isChecked() ? kAdapterRank : 0);
        } catch (const std::exception&) {
            // Not a model after all: Start says so; the form keeps the musician's values meanwhile.
        }
    }
    form_->showFineTuning(shown, QFileInfo(base).completeBaseName());
}

void TrainingPanel::suggestBaseModel() {
    if (dataset_) startFrom_->suggestFor(dataset_().get());
}

void TrainingPanel::startTraining(const QString& resumeFrom) {
    TrainingController::Request request;
    request.config = form_->config();
    try {
        if (const QString base = startFrom_->initPath(); !base.isEmpty() && resumeFrom.isEmpty()) {
            // The base's network, representation, task mix and fine-tuning schedule (a CPU-sized batch); how long
            // and where it runs from the form.
            const TrainingConfig own = request.config;
            request.config = withRunSettings(
                fineTuningConfig(base.toStdString(), own.epochs, adaptersOnly_->isChecked() ? kAdapterRank : 0), own);
            request.initFrom = base;
        }
        request.config.validate();
    } catch (const std::exception& e) {
        state_->setText(QString::fromStdString(e.what()));
        return;
    }
    // "Every core" in the studio means every core but one: the GUI and the audio callback keep theirs, so the
    // window stays smooth and playback does not crackle while it trains.
    // Another machine's cores are all the training's ("every core" there).
    request.remoteHost = remoteHost();
    if (request.config.threads == 0 && request.remoteHost.isEmpty())
        request.config.threads = std::max(1, QThread::idealThreadCount() - 1);
    QSettings().setValue(kConfigKey, QString::fromStdString(form_->ownConfig().toJson()));
    QSettings().setValue(kRunOnKey, request.remoteHost);
    request.dataset = dataset_ ? dataset_() : nullptr;
    // A resumed run goes on writing its own model (MODEL.nfm beside MODEL.nfm.ckpt), so that its best model so far
    // and the one it improves on are the same file.
    request.modelPath = resumeFrom.endsWith(QStringLiteral(".ckpt")) ? resumeFrom.chopped(5) : nextModelPath();
    request.resumeFrom = resumeFrom;
    QDir().mkpath(QFileInfo(request.modelPath).absolutePath());
    charts_->clear();
    state_->clear();
    samples_->clear();
    setRunning(true);
    controller_->start(request);
}

void TrainingPanel::resumeFromCheckpoint() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Resume from a checkpoint"),
                                                      QFileInfo(nextModelPath()).absolutePath(),
                                                      tr("Checkpoints (*.ckpt);;All files (*)"));
    if (!file.isEmpty()) startTraining(file);
}

void TrainingPanel::onStarted(const TrainingStart& s) {
    adversarial_ = s.model == toString(ModelKind::DrumGan);
    const QString device = QString::fromStdString(s.device);
    device_->setText(tr("Device: %1, %2\n%3 parameters, vocabulary %4, %5 training tokens")
                         .arg(device.compare("cpu", Qt::CaseInsensitive) == 0 ? tr("CPU") : device)
                         .arg(threadCount(s.threads))
                         .arg(QLocale().toString(static_cast<qlonglong>(s.parameters)))
                         .arg(s.vocabSize)
                         .arg(QLocale().toString(static_cast<qulonglong>(s.trainTokens))));
    // Which module trains (a musician's own CUDA build or the packaged CPU one) and what was passed over: a GPU
    // module that failed to load must not look like a slow GPU.
    QString text = device_->text();
    QString tip = QString::fromStdString("BLAS: " + s.blas + "\nLibTorch " + s.torchVersion);
    if (const QString host = controller_->remoteHost(); !host.isEmpty()) {
        // The module there is the remote program's; this computer's says nothing about it.
        device_->setText(tr("On %1: ").arg(host) + text + tr("\nLibTorch %1").arg(QString::fromStdString(s.torchVersion)));
        device_->setToolTip(tip);
        charts_->setStepsPerEpoch(s.stepsPerEpoch);
        for (const MetricsRow& row : s.history) charts_->addRow(row);
        progress_->setRange(0, 1000);
        emit status(tr("Training %1 on %2 of %3").arg(QString::fromStdString(s.model), QString::fromStdString(s.device), host));
        return;
    }
    if (TrainingModule::loaded()) {  // always, once a run has started: load() then returns at once
        const TrainingModule& module = TrainingModule::load();
        QString origin;
        switch (module.origin()) {
            case TrainingModule::Origin::Environment: origin = tr("module from NF_TRAINING_MODULE"); break;
            case TrainingModule::Origin::User: origin = tr("your own module"); break;
            case TrainingModule::Origin::Packaged: origin = tr("packaged module"); break;
        }
        text += tr("\nLibTorch %1, %2").arg(QString::fromStdString(s.torchVersion), origin);
        tip += "\n" + QString::fromStdString(module.path());
    }
    for (const std::string& refused : TrainingModule::refusals()) {
        text += tr("\nNot used: %1").arg(QString::fromStdString(refused));
        tip += QString::fromStdString("\nrefused: " + refused);
    }
    device_->setText(text);
    device_->setToolTip(tip);
    charts_->setStepsPerEpoch(s.stepsPerEpoch);
    for (const MetricsRow& row : s.history) charts_->addRow(row);
    progress_->setRange(0, 1000);
    emit status(tr("Training %1 on %2").arg(QString::fromStdString(s.model), QString::fromStdString(s.device)));
}

void TrainingPanel::onProgress(const TrainingProgress& p) {
    const double total = static_cast<double>(std::max(1, p.epochs)) * std::max<std::int64_t>(1, p.stepsPerEpoch);
    const double done = static_cast<double>(p.epoch - 1) * std::max<std::int64_t>(1, p.stepsPerEpoch) + p.stepInEpoch;
    progress_->setValue(static_cast<int>(1000 * done / total));
    progress_->setFormat(p.paused ? tr("paused") : tr("epoch %1/%2").arg(p.epoch).arg(p.epochs));
    if (p.paused) {
        // A pause report carries no step figures (they read "step 0/0, loss 0.000"): keep the last ones.
        if (!state_->text().startsWith(tr("Paused"))) state_->setText(tr("Paused \u00b7 ") + state_->text());
        return;
    }
    if (adversarial_) {  // a drum GAN: no accuracy; it counts bars
        state_->setText(tr("step %1/%2 · generator loss %3\n%4 bars/s · ETA %5")
                            .arg(p.stepInEpoch)
                            .arg(p.stepsPerEpoch)
                            .arg(p.loss, 0, 'f', 3)
                            .arg(QLocale().toString(p.tokensPerSecond, 'f', 0))
                            .arg(DatasetTableModel::formatLength(p.etaSeconds)));
        return;
    }
    state_->setText(tr("step %1/%2 · loss %3 · acc %4\n%5 tokens/s · ETA %6")
                        .arg(p.stepInEpoch)
                        .arg(p.stepsPerEpoch)
                        .arg(p.loss, 0, 'f', 3)
                        .arg(p.accuracy, 0, 'f', 3)
                        .arg(QLocale().toString(p.tokensPerSecond, 'f', 0))
                        .arg(DatasetTableModel::formatLength(p.etaSeconds)));
}

QString TrainingPanel::studioMessage(const TrainingResult& r) {
    // The trainer speaks English, for the command line. Its usual sentences are said again in the studio's language
    // (in English, word for word); anything else keeps the trainer's words. Its resume hint names the panel's button
    // instead of --resume.
    QString text = QString::fromStdString(r.message);
    static const QRegularExpression trained(
        QStringLiteral("^trained (\\d+) epochs?, best validation loss ([0-9.]+) at epoch (\\d+); model: (.*)$"));
    static const QRegularExpression trainedUnchecked(
        QStringLiteral("^trained (\\d+) epochs?, no validation set; model: (.*)$"));
    static const QRegularExpression stopped(QStringLiteral("^stopped at epoch (\\d+), step (\\d+); checkpoint saved"));
    static const QRegularExpression timeLimit(
        QStringLiteral("^time limit reached at epoch (\\d+), step (\\d+); checkpoint saved"));
    if (const auto m = trained.match(text); m.hasMatch()) {
        text = tr("trained %n epoch(s), best validation loss %1 at epoch %2; model: %3", nullptr, m.captured(1).toInt())
                   .arg(m.captured(2), m.captured(3), m.captured(4));
    } else if (const auto u = trainedUnchecked.match(text); u.hasMatch()) {
        text = tr("trained %n epoch(s), no validation set; model: %1", nullptr, u.captured(1).toInt()).arg(u.captured(2));
    } else if (const auto s = stopped.match(text); s.hasMatch()) {
        text.replace(0, s.capturedLength(),
                     tr("stopped at epoch %1, step %2; checkpoint saved").arg(s.captured(1), s.captured(2)));
    } else if (const auto t = timeLimit.match(text); t.hasMatch()) {
        text.replace(0, t.capturedLength(),
                     tr("time limit reached at epoch %1, step %2; checkpoint saved").arg(t.captured(1), t.captured(2)));
    }
    static const QRegularExpression cliHint(QStringLiteral("\\(continue with --resume ([^)]*)\\)"));
    text.replace(cliHint, tr("(continue with Resume from Checkpoint... in the Training panel: \\1)"));
    return text;
}

void TrainingPanel::onFinished(const TrainingResult& r) {
    setRunning(false);
    progress_->setRange(0, 1000);
    progress_->setValue(1000);
    progress_->setFormat(tr("done: %n epoch(s)", nullptr, r.epochsDone));
    // The trainer's message names full paths: too long for the panel, kept in the tooltip and the Log.
    state_->setText(r.bestValLoss ? tr("Best validation loss %1 at epoch %2").arg(*r.bestValLoss, 0, 'f', 3).arg(r.bestEpoch)
                                  : tr("Finished"));
    state_->setToolTip(studioMessage(r));
    if (!r.modelPath.empty() && QFileInfo::exists(QString::fromStdString(r.modelPath)))
        addModel(QString::fromStdString(r.modelPath), QFileInfo(QString::fromStdString(r.modelPath)).fileName());
    if (!r.checkpointPath.empty() && QFileInfo::exists(QString::fromStdString(r.checkpointPath)))
        addModel(QString::fromStdString(r.checkpointPath),
                 tr("%1 (checkpoint)").arg(QFileInfo(QString::fromStdString(r.checkpointPath)).fileName()));
    emit status(studioMessage(r));
    if (!r.modelPath.empty()) emit modelChosen(QString::fromStdString(r.modelPath));
}

int TrainingPanel::wideWidth() const {
    // Two charts of about 260 px each beside the settings and the controls: below that the charts are slivers.
    constexpr int kControls = 260, kCharts = 2 * 260, kMargins = 24;
    return form_->sizeHint().width() + 24 + kControls + kCharts + kMargins;
}

void TrainingPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    setCompact(width() < wideWidth());
}

void TrainingPanel::setCompact(bool compact) {
    if (compact == compact_) return;
    compact_ = compact;
    if (compact) {
        columns_->removeWidget(settings_);
        settings_->setMinimumWidth(0);
        lists_->parentWidget()->setMaximumWidth(std::max(360, form_->sizeHint().width() + 40));
        lists_->insertTab(0, settings_, tr("Settings"));
        if (start_->isEnabled()) lists_->setCurrentIndex(0);  // before a run the settings are what is needed
    } else {
        lists_->removeTab(lists_->indexOf(settings_));
        lists_->parentWidget()->setMaximumWidth(360);
        settings_->setMinimumWidth(form_->sizeHint().width() + 24);
        columns_->insertWidget(0, settings_);
        settings_->show();
    }
}

QStringList TrainingPanel::modelPaths() const {
    QStringList out;
    for (int i = 0; i < models_->count(); ++i) out << models_->item(i)->data(Qt::UserRole).toString();
    return out;
}

void TrainingPanel::restoreModels(const QStringList& paths) {
    const QStringList known = modelPaths();
    for (auto it = paths.crbegin(); it != paths.crend(); ++it)
        if (!known.contains(*it) && QFileInfo::exists(*it)) addModel(*it, QFileInfo(*it).fileName());
}

void TrainingPanel::addSample(int epoch, std::size_t notes, int longestCopy, int warnAt) {
    auto* item = new QListWidgetItem(tr("epoch %1 · %2 notes · longest copy %3").arg(epoch).arg(notes).arg(longestCopy));
    item->setData(Qt::UserRole, samples_->count());
    if (longestCopy >= warnAt) {
        item->setForeground(QColor(200, 40, 40));
        item->setToolTip(tr("%1 notes in a row come from one training piece: the model is memorising its data")
                             .arg(longestCopy));
    }
    samples_->insertItem(0, item);
}

void TrainingPanel::addModel(const QString& path, const QString& label) {
    auto* item = new QListWidgetItem(label);
    item->setData(Qt::UserRole, path);
    item->setToolTip(path);
    models_->insertItem(0, item);
}

void TrainingPanel::setRunning(bool running) {
    runOn_->setEnabled(!running);
    start_->setEnabled(!running);
    resume_->setEnabled(!running);
    form_->setEnabled(!running);
    pause_->setEnabled(running);
    stop_->setEnabled(running);
    pause_->setText(tr("Pause"));
}

}  // namespace nf
