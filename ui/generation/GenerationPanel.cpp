// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/GenerationPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QSettings>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

#include "controllers/ExportController.h"
#include "dataset/BaseModels.h"
#include "evaluation/KeyFinder.h"
#include "generation/GenerationModel.h"
#include "generation/RemiSteering.h"
#include "models/ModelCardText.h"
#include "music/Scale.h"
#include "project/StudioPaths.h"

namespace nf {

namespace {
template <class Box>
Box* withTip(Box* box, const QString& tip) {
    box->setToolTip(tip);
    box->setStatusTip(tip);
    return box;
}
QString percent(double share) { return std::isnan(share) ? QStringLiteral("-") : QString::number(100 * share, 'f', 0) + "%"; }
enum Column { Number, Seed, Notes, Novel, Copy, Repeats, Key, ColumnCount };

// The estimated key in the studio's language, spelt as KeyEstimate::name() spells it in English. Whole names are the
// messages because languages differ in more than "major" and "minor": German writes D-Dur and h-Moll, and its B is
// the English Bb.
QString keyName(const KeyEstimate& key) {
    static const char* const kMajor[] = {
        QT_TRANSLATE_NOOP("nf::GenerationPanel", "C major"),  QT_TRANSLATE_NOOP("nf::GenerationPanel", "Db major"),
        QT_TRANSLATE_NOOP("nf::GenerationPanel", "D major"),  QT_TRANSLATE_NOOP("nf::GenerationPanel", "Eb major"),
        QT_TRANSLATE_NOOP("nf::GenerationPanel", "E major"),  QT_TRANSLATE_NOOP("nf::GenerationPanel", "F major"),
        QT_TRANSLATE_NOOP("nf::GenerationPanel", "F# major"), QT_TRANSLATE_NOOP("nf::GenerationPanel", "G major"),
        QT_TRANSLATE_NOOP("nf::GenerationPanel", "Ab major"), QT_TRANSLATE_NOOP("nf::GenerationPanel", "A major"),
        QT_TRANSLATE_NOOP("nf::GenerationPanel", "Bb major"), QT_TRANSLATE_NOOP("nf::GenerationPanel", "B major")};
    static const char* const kMinor[] = {
        QT_TRANSLATE_NOOP("nf::GenerationPanel", "C minor"),  QT_TRANSLATE_NOOP("nf::GenerationPanel", "C# minor"),
        QT_TRANSLATE_NOOP("nf::GenerationPanel", "D minor"),  QT_TRANSLATE_NOOP("nf::GenerationPanel", "Eb minor"),
        QT_TRANSLATE_NOOP("nf::GenerationPanel", "E minor"),  QT_TRANSLATE_NOOP("nf::GenerationPanel", "F minor"),
        QT_TRANSLATE_NOOP("nf::GenerationPanel", "F# minor"), QT_TRANSLATE_NOOP("nf::GenerationPanel", "G minor"),
        QT_TRANSLATE_NOOP("nf::GenerationPanel", "G# minor"), QT_TRANSLATE_NOOP("nf::GenerationPanel", "A minor"),
        QT_TRANSLATE_NOOP("nf::GenerationPanel", "Bb minor"), QT_TRANSLATE_NOOP("nf::GenerationPanel", "B minor")};
    const int pc = ((key.tonic % 12) + 12) % 12;
    return GenerationPanel::tr(key.minor ? kMinor[pc] : kMajor[pc]);
}
}  // namespace

GenerationPanel::GenerationPanel(GenerationController* controller, Context context, QWidget* parent)
    : QWidget(parent), controller_(controller), context_(std::move(context)) {
    model_ = withTip(new QComboBox(this), tr("The model to generate with: a base model (no training needed), the training just finished, a checkpoint or a model file"));
    model_->setMinimumContentsLength(20);
    model_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(model_, &QComboBox::currentIndexChanged, this, [this] {
        checkModel();
        emit modelChanged(modelPath());
    });
    auto* browse = withTip(new QPushButton(tr("..."), this), tr("Open a model file"));
    browse->setMaximumWidth(32);
    length_ = withTip(new QSpinBox(this), tr("Most tokens generated per piece"));
    length_->setRange(8, 100000);
    length_->setValue(500);
    bars_ = withTip(new QSpinBox(this), tr("Bars of the new piece (or of the continuation of the selection)"));
    bars_->setRange(1, 512);
    bars_->setValue(16);
    meter_ = withTip(new QComboBox(this), tr("The new piece's meter"));
    for (const char* m : {"4/4", "3/4", "2/4", "6/8", "9/8", "12/8", "5/4", "7/8"}) meter_->addItem(QString::fromLatin1(m));
    tempo_ = withTip(new QSpinBox(this), tr("The new piece's tempo in quarter notes per minute"));
    tempo_->setRange(20, 400);
    tempo_->setValue(120);
    tempo_->setSuffix(tr(" bpm"));
    key_ = withTip(new QComboBox(this), tr("The key the piece starts in; notes outside its scale stay possible"));
    key_->addItem(tr("The model chooses"), QString());
    for (int minor = 0; minor < 2; ++minor)
        for (int pc = 0; pc < 12; ++pc) {
            KeyEstimate k;
            k.tonic = pc;
            k.minor = minor == 1;
            key_->addItem(keyName(k), QString::fromLatin1(tonicName(pc)) + (minor ? " minor" : " major"));
        }
    greedy_ = withTip(new QCheckBox(tr("Greedy"), this), tr("Always take the most likely token (the paper's choice; no randomness)"));
    temperature_ = withTip(new QDoubleSpinBox(this), tr("Below 1: safer, more repetitive; above 1: bolder, more random"));
    temperature_->setRange(0.05, 5.0);
    temperature_->setSingleStep(0.05);
    temperature_->setValue(1.0);
    topK_ = withTip(new QSpinBox(this), tr("Sample only among the K most likely tokens; 0 = all"));
    topK_->setRange(0, 10000);
    topP_ = withTip(new QDoubleSpinBox(this), tr("Sample only among the most likely tokens that together reach P"));
    topP_->setRange(0.05, 1.0);
    topP_->setSingleStep(0.05);
    topP_->setValue(1.0);
    repetition_ = withTip(new QDoubleSpinBox(this), tr("Penalty for tokens used in the last 16 (1 = off)"));
    repetition_->setRange(1.0, 5.0);
    repetition_->setSingleStep(0.05);
    noRepeat_ = withTip(new QSpinBox(this), tr("Never repeat an n-gram of this many tokens; 0 = off"));
    noRepeat_->setRange(0, 64);
    const SamplingSettings defaults;
    maxNoteBeats_ = withTip(new QDoubleSpinBox(this),
                            tr("Events models: a note held this many beats is released (0 = off), so a model that "
                               "forgets its note-offs cannot hold notes to the end"));
    maxNoteBeats_->setRange(0.0, 1000.0);
    maxNoteBeats_->setSingleStep(1.0);
    maxNoteBeats_->setDecimals(1);
    maxNoteBeats_->setSpecialValueText(tr("off"));
    maxNoteBeats_->setValue(defaults.maxNoteBeats);
    maxPolyphony_ = withTip(new QSpinBox(this), tr("Events models: no note starts while this many sound (0 = off)"));
    maxPolyphony_->setRange(0, 2048);
    maxPolyphony_->setSpecialValueText(tr("off"));
    maxPolyphony_->setValue(defaults.maxPolyphony);
    seed_ = withTip(new QSpinBox(this), tr("Random seed: the same seed gives the same piece"));
    seed_->setRange(0, 1 << 30);
    seed_->setValue(1);
    variations_ = withTip(new QSpinBox(this), tr("How many pieces to generate at once (seeds seed, seed+1, ...)"));
    variations_->setRange(1, 32);
    variations_->setValue(3);
    primer_ = withTip(new QComboBox(this), tr("What the model continues"));
    primer_->addItems({tr("Nothing (start of a piece)"), tr("Random training window"), tr("Piano-roll selection"),
                       tr("A file..."), tr("Record from a MIDI keyboard...")});

    auto* modelRow = new QHBoxLayout;
    modelRow->addWidget(model_, 1);
    modelRow->addWidget(browse);
    auto* form = new QFormLayout;
    form_ = form;
    form->addRow(tr("Model:"), modelRow);
    form->addRow(tr("Length:"), length_);
    form->addRow(tr("Bars:"), bars_);
    form->addRow(tr("Meter:"), meter_);
    form->addRow(tr("Tempo:"), tempo_);
    form->addRow(tr("Key:"), key_);
    form->addRow(tr("Temperature:"), temperature_);
    form->addRow(QString(), greedy_);
    form->addRow(tr("Top-k:"), topK_);
    form->addRow(tr("Top-p:"), topP_);
    form->addRow(tr("Repetition penalty:"), repetition_);
    form->addRow(tr("No-repeat n-gram:"), noRepeat_);
    form->addRow(tr("Longest note (beats):"), maxNoteBeats_);
    form->addRow(tr("Most notes at once:"), maxPolyphony_);
    form->addRow(tr("Seed:"), seed_);
    form->addRow(tr("Variations:"), variations_);
    form->addRow(tr("Primer:"), primer_);
    auto* formBox = new QWidget(this);
    formBox->setLayout(form);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(formBox);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(formBox->sizeHint().width() + 24);

    generate_ = withTip(new QPushButton(tr("Generate"), this), tr("Generate in the background; results appear in the list"));
    cancel_ = withTip(new QPushButton(tr("Cancel"), this), tr("Stop generating; what was made so far is kept"));
    regenerate_ = withTip(new QPushButton(tr("Regenerate"), this), tr("The same recipe with the next seeds"));
    save_ = withTip(new QPushButton(tr("Save MIDI..."), this), tr("Write the selected result as MIDI with its recipe"));
    merge_ = withTip(new QPushButton(tr("Add to Piece"), this),
                     tr("Add the selected result's tracks to the piece in the editor (a melody plus a drum track "
                        "become one song)"));
    remove_ = withTip(new QPushButton(tr("Remove"), this), tr("Remove the selected result from the list"));
    progress_ = new QProgressBar(this);
    table_ = new QTableWidget(0, ColumnCount, this);
    table_->setHorizontalHeaderLabels({tr("#"), tr("Seed"), tr("Notes"), tr("Novel 8-grams"), tr("Longest copy"),
                                       tr("Repeats"), tr("Key fit")});
    table_->horizontalHeaderItem(Novel)->setToolTip(tr("Share of 8-note melody fragments found nowhere in the training data"));
    table_->horizontalHeaderItem(Copy)->setToolTip(tr("Longest run of notes copied from one training piece"));
    table_->horizontalHeaderItem(Repeats)->setToolTip(tr("Share of notes that repeat the one before"));
    table_->horizontalHeaderItem(Key)->setToolTip(tr("Estimated key and the share of notes in its scale"));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setToolTip(tr("Double-click a result to open it in the piano roll"));

    // Two rows of three: one row of six held the panel (and the window's middle) at over 600 px.
    auto* buttons = new QGridLayout;
    int at = 0;
    for (QPushButton* b : {generate_, cancel_, regenerate_, save_, merge_, remove_}) {
        buttons->addWidget(b, at / 3, at % 3);
        ++at;
    }
    auto* right = new QVBoxLayout;
    right->addLayout(buttons);
    right->addWidget(progress_);
    right->addWidget(table_, 1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(scroll);
    layout->addLayout(right, 1);

    connect(browse, &QPushButton::clicked, this, &GenerationPanel::browseModel);
    connect(primer_, &QComboBox::activated, this, [this](int i) {
        if (i == 4) {
            // The phrase is recorded into the piano roll and continued from there as the selection.
            primer_->setCurrentIndex(2);
            emit recordRequested();
            return;
        }
        if (i != 3) return;
        primerFile_ = QFileDialog::getOpenFileName(this, tr("Primer: a MIDI or ABC file to continue"), primerFile_,
                                                   tr("Music files (*.mid *.midi *.abc);;All files (*)"));
        if (primerFile_.isEmpty()) primer_->setCurrentIndex(0);
    });
    connect(generate_, &QPushButton::clicked, this, &GenerationPanel::startGeneration);
    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (!startWhenChecked_) return controller_->cancel();
        setRunning(false);  // still waiting for the model's check: nothing runs yet, and nothing will
        emit status(tr("Cancelled"));
    });
    connect(regenerate_, &QPushButton::clicked, this, &GenerationPanel::regenerate);
    connect(save_, &QPushButton::clicked, this, &GenerationPanel::saveSelected);
    connect(merge_, &QPushButton::clicked, this, [this] {
        const int row = table_->currentRow();
        if (row >= 0 && row < static_cast<int>(results_.size())) emit mergeResult(results_[static_cast<std::size_t>(row)], row);
    });
    connect(remove_, &QPushButton::clicked, this, [this] { removeResult(table_->currentRow()); });
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row >= 0 && row < static_cast<int>(results_.size())) emit openResult(results_[static_cast<std::size_t>(row)], row);
    });
    connect(controller_, &GenerationController::progress, this, [this](int done, int total) {
        progress_->setRange(0, std::max(1, total));
        progress_->setValue(done);
    });
    connect(controller_, &GenerationController::finished, this, &GenerationPanel::onFinished);
    connect(controller_, &GenerationController::failed, this, [this](const QString& why) {
        setRunning(false);
        emit status(why);
    });
    modelCheck_ = new QFutureWatcher<bool>(this);
    connect(modelCheck_, &QFutureWatcherBase::finished, this, [this] {
        if (modelCheck_->property("path").toString() != modelPath()) return checkModel();  // changed meanwhile
        setBarStructured(modelCheck_->result());
        if (startWhenChecked_) {
            startWhenChecked_ = false;
            controller_->generate(request());
        }
    });
    setBarStructured(false);
    setRunning(false);
    // The base models generate, rewrite bars and add parts with no training at all: offered from the start (the
    // first one chosen), below the models trained or opened later, which go on top.
    for (const BaseModelFile& base : findBaseModels()) {
        model_->addItem(tr("%1 (base model)").arg(QString::fromStdString(base.name)), QString::fromStdString(base.path));
        model_->setItemData(model_->count() - 1, modelCardText(base.path), Qt::ToolTipRole);
    }
}

void GenerationPanel::checkModel() {
    if (modelCheck_->isRunning()) return;  // its end looks at the newest model again
    const QString path = modelPath();
    modelCheck_->setProperty("path", path);
    // Opening a model reads its whole file: off the GUI thread.
    modelCheck_->setFuture(QtConcurrent::run([path]() -> bool {
        // A model that cannot be steered keeps the token length; Generate says why when the file is bad. A drum GAN
        // writes bars too.
        if (path.isEmpty()) return false;
        try {
            const GenerationModel model = GenerationModel::open(path.toStdString());
            if (model.drumGan()) return true;
            const RemiSteering check(model);  // throws for a model that cannot be steered
            return true;
        } catch (const std::exception&) {
            return false;
        }
    }));
}

void GenerationPanel::setBarStructured(bool on) {
    barStructured_ = on;
    form_->setRowVisible(length_, !on);
    for (QWidget* w : std::initializer_list<QWidget*>{bars_, meter_, tempo_, key_}) form_->setRowVisible(w, on);
    emit barStructureKnown(on);
}

void GenerationPanel::addModel(const QString& path) {
    // A model listed already moves to the top with its name and tooltip (a base model keeps "folk (base model)").
    QString label = QFileInfo(path).fileName(), tip = path;
    if (const int existing = model_->findData(path); existing >= 0) {
        label = model_->itemText(existing);
        tip = model_->itemData(existing, Qt::ToolTipRole).toString();
        model_->removeItem(existing);
    }
    model_->insertItem(0, label, path);
    model_->setItemData(0, tip, Qt::ToolTipRole);
    model_->setCurrentIndex(0);
}

QString GenerationPanel::modelPath() const { return model_->currentData().toString(); }

void GenerationPanel::browseModel() {
    // Where the studio keeps the models it trains, unless a model of the musician's is chosen (not a base model's
    // install folder, nor the process's).
    const bool ours = !modelPath().isEmpty() &&
                      QFileInfo(QString::fromStdString(baseModelReference(modelPath().toStdString()))).isAbsolute();
    const QString from = ours ? QFileInfo(modelPath()).absolutePath() : StudioPaths::models();
    const QString file = QFileDialog::getOpenFileName(this, tr("Open a model file"), from,
                                                      tr("NoteForge models (*.nfm *.nfmodel *.ckpt);;All files (*)"));
    if (!file.isEmpty()) addModel(file);
}

GenerationController::Request GenerationPanel::request() const {
    GenerationController::Request r;
    r.modelPath = modelPath();
    r.settings.length = length_->value();
    r.settings.variations = variations_->value();
    r.settings.sampling.greedy = greedy_->isChecked();
    r.settings.sampling.temperature = temperature_->value();
    r.settings.sampling.topK = topK_->value();
    r.settings.sampling.topP = topP_->value();
    r.settings.sampling.repetitionPenalty = repetition_->value();
    r.settings.sampling.noRepeatNgram = noRepeat_->value();
    r.settings.sampling.maxNoteBeats = maxNoteBeats_->value();
    r.settings.sampling.maxPolyphony = maxPolyphony_->value();
    r.settings.sampling.seed = static_cast<std::uint64_t>(seed_->value());
    r.primer = static_cast<GenerationController::PrimerKind>(primer_->currentIndex());
    r.primerFile = primerFile_;
    if (r.primer == GenerationController::PrimerKind::Phrase && context_.selection) r.phrase = context_.selection();
    if (context_.dataset) r.dataset = context_.dataset();
    if (barStructured_) {
        BarPieceRequest b;
        b.bars = bars_->value();
        const QStringList meter = meter_->currentText().split('/');
        b.numerator = meter.value(0).toInt();
        b.denominator = meter.value(1).toInt();
        b.bpm = tempo_->value();
        if (const QString key = key_->currentData().toString(); !key.isEmpty()) b.key = parseScale(key.toStdString());
        r.barPiece = b;
    }
    return r;
}

void GenerationPanel::startGeneration() {
    setRunning(true);
    progress_->setValue(0);
    // The request follows the model's kind (bars for a bar-structured one, tokens otherwise), which its check finds
    // off the GUI thread: a model chosen a moment ago (a training just finished) waits for its check.
    if (modelCheck_->isRunning() || modelCheck_->property("path").toString() != modelPath()) {
        startWhenChecked_ = true;
        if (!modelCheck_->isRunning()) checkModel();
        return;
    }
    controller_->generate(request());
}

void GenerationPanel::regenerate() {
    seed_->setValue(seed_->value() + variations_->value());
    startGeneration();
}

void GenerationPanel::onFinished(const std::vector<GenerationResult>& results) {
    // Added to what is there: a Regenerate must not throw away the pieces of the run before.
    const int first = static_cast<int>(results_.size());
    results_.insert(results_.end(), results.begin(), results.end());
    inSavedProject_.resize(results_.size(), false);
    setRunning(false);
    progress_->setValue(progress_->maximum());
    fillTable();
    emit status(tr("Generated %n piece(s)", nullptr, static_cast<int>(results.size())));
    if (!results.empty()) {
        table_->selectRow(first);
        emit generated(first, static_cast<int>(results.size()));
    }
}

void GenerationPanel::showResults(std::vector<GenerationResult> results) {
    results_ = std::move(results);
    inSavedProject_.assign(results_.size(), true);
    setRunning(false);
    fillTable();
}

int GenerationPanel::unsavedCount() const {
    return static_cast<int>(std::count(inSavedProject_.begin(), inSavedProject_.end(), false));
}

void GenerationPanel::markSaved() { inSavedProject_.assign(results_.size(), true); }

void GenerationPanel::removeResult(int row) {
    if (row < 0 || row >= static_cast<int>(results_.size())) return;
    results_.erase(results_.begin() + row);
    inSavedProject_.erase(inSavedProject_.begin() + row);
    fillTable();
    setRunning(false);
}

void GenerationPanel::fillTable() {
    table_->setRowCount(static_cast<int>(results_.size()));
    for (std::size_t i = 0; i < results_.size(); ++i) {
        const GenerationResult& r = results_[i];
        const int row = static_cast<int>(i);
        auto set = [&](int col, const QString& text) { table_->setItem(row, col, new QTableWidgetItem(text)); };
        set(Number, QString::number(i + 1));
        set(Seed, QString::number(r.piece.recipe.settings.sampling.seed));
        set(Notes, QString::number(r.piece.score.noteCount()));
        if (const auto& e = r.evaluation) {
            set(Novel, e->novelty ? percent(e->novelty->pitch8.share) : QStringLiteral("-"));
            set(Copy, e->novelty ? tr("%1 notes").arg(e->novelty->longestCopy.length) : QStringLiteral("-"));
            set(Repeats, percent(e->repetition.repeatShare));
            set(Key, QString("%1, %2").arg(keyName(e->tonal.key), percent(e->tonal.inScaleShare)));
            if (e->novelty && !e->novelty->longestCopy.file.empty())
                table_->item(row, Copy)->setToolTip(QString::fromStdString(e->novelty->longestCopy.file));
        } else {
            for (int col : {Novel, Copy, Repeats, Key}) set(col, QString());
        }
        if (!r.piece.problems.empty())
            table_->item(row, Number)->setToolTip(QString::fromStdString(r.piece.problems.front()));
    }
    table_->resizeColumnsToContents();
}

void GenerationPanel::saveSelected() {
    const int row = table_->currentRow();
    if (row < 0 || row >= static_cast<int>(results_.size())) return;
    const QString start = StudioPaths::exportStart(StudioPaths::lastExport(),
                                                   QString("generated-%1").arg(row + 1), "mid");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save generated piece"), start, tr("MIDI files (*.mid)"));
    if (path.isEmpty()) return;
    StudioPaths::rememberExport(path);
    try {
        GeneratedPiece piece = results_[static_cast<std::size_t>(row)].piece;
        piece.score = ExportController::withNamesAndMeter(std::move(piece.score));
        writeGeneratedMidi(piece, path.toStdString());
        emit status(tr("Saved %1").arg(path));
    } catch (const std::exception& e) {
        emit status(QString::fromStdString(e.what()));
    }
}

void GenerationPanel::setRunning(bool running) {
    if (!running) startWhenChecked_ = false;
    generate_->setEnabled(!running);
    regenerate_->setEnabled(!running);
    cancel_->setEnabled(running);
    save_->setEnabled(!running && !results_.empty());
    merge_->setEnabled(!running && !results_.empty());
    remove_->setEnabled(!running && !results_.empty());
}

}  // namespace nf
