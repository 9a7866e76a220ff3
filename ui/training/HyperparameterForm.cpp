// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/HyperparameterForm.h"

#include "drums/DrumModelConfig.h"
#include "training/FineTuning.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>
#include <QThread>

#include <algorithm>
#include <initializer_list>
#include <iterator>

namespace nf {

namespace {
QSpinBox* spin(QWidget* parent, int lo, int hi, const QString& tip) {
    auto* s = new QSpinBox(parent);
    s->setRange(lo, hi);
    s->setToolTip(tip);
    s->setStatusTip(tip);
    return s;
}
QDoubleSpinBox* dspin(QWidget* parent, double lo, double hi, int decimals, double step, const QString& tip) {
    auto* s = new QDoubleSpinBox(parent);
    s->setRange(lo, hi);
    s->setDecimals(decimals);
    s->setSingleStep(step);
    s->setToolTip(tip);
    s->setStatusTip(tip);
    return s;
}
QComboBox* combo(QWidget* parent, const QStringList& items, const QString& tip) {
    auto* c = new QComboBox(parent);
    c->addItems(items);
    c->setToolTip(tip);
    c->setStatusTip(tip);
    return c;
}
// The combo boxes show the words of files and the command line, and are read back through parseEnum.
template <NamedEnum E>
QString word(E value) {
    return QString::fromStdString(toString(value));
}
}  // namespace

namespace {
// The presets in the order offered: the model kind and its size preset (TrainingConfig::forModel()).
struct Preset {
    ModelKind kind;
    std::optional<ModelSize> size;
    bool drums = false;  // the drums model: the lstm on drum patterns (drums/DrumModelConfig.h)
    DrumGanGenerator ganGenerator = DrumGanGenerator::Paper;  // the drum GAN's generator
    bool followBand = false;  // the drums model or GAN hears the band (TokenizerSettings::bandOnsets)
    bool primer = false;      // the drum GAN writes each bar after the bar before (DrumGanSettings::primer)
};
constexpr Preset kPresets[] = {{ModelKind::Lstm, std::nullopt},
                               {ModelKind::PaperMidi, std::nullopt},
                               {ModelKind::PaperAbc, std::nullopt},
                               {ModelKind::Transformer, ModelSize::Small},
                               {ModelKind::Transformer, ModelSize::Base},
                               {ModelKind::Lstm, std::nullopt, true},
                               {ModelKind::Lstm, std::nullopt, true, DrumGanGenerator::Paper, true},
                               {ModelKind::DrumGan, std::nullopt, false, DrumGanGenerator::Paper},
                               {ModelKind::DrumGan, std::nullopt, false, DrumGanGenerator::Lstm},
                               {ModelKind::DrumGan, std::nullopt, false, DrumGanGenerator::Lstm, true, true}};
constexpr int kPresetCount = static_cast<int>(std::size(kPresets));
}  // namespace

QStringList HyperparameterForm::presetNames() {
    return {tr("NoteForge LSTM (events)"), tr("Paper: MIDI LSTM"), tr("Paper: ABC LSTM"),
            tr("Transformer small (CPU)"), tr("Transformer base (GPU)"), tr("Drums (LSTM)"),
            tr("Drums following the band"), tr("Paper: drum LSTM-GAN"), tr("Drum GAN (LSTM generator)"),
            tr("Drum GAN following the band")};
}

ModelKind HyperparameterForm::presetKind(int index) { return kPresets[std::clamp(index, 0, kPresetCount - 1)].kind; }

std::optional<ModelSize> HyperparameterForm::presetSize(int index) {
    return kPresets[std::clamp(index, 0, kPresetCount - 1)].size;
}

HyperparameterForm::HyperparameterForm(QWidget* parent) : QWidget(parent) {
    preset_ = combo(this, presetNames(), tr("Start from the paper's models or NoteForge's own; every value stays editable"));
    // Short names keep the form narrow (the training charts beside it need the width); the sizes are in the tips.
    preset_->setItemData(3, tr("About 2M parameters: trains in minutes on two CPU cores"), Qt::ToolTipRole);
    preset_->setItemData(4, tr("About 20M parameters: for a GPU"), Qt::ToolTipRole);
    preset_->setItemData(5, tr("Learns the drum parts of the data (channel 10) for Compose > Add Part > Drums from a "
                               "drum model; other parts are skipped"),
                         Qt::ToolTipRole);
    preset_->setItemData(6, tr("Learns the drum parts and where the other parts play on each step, so Add Part's drums "
                               "follow the piece's band (kick under the bass, hits with the chords)"),
                         Qt::ToolTipRole);
    preset_->setItemData(7, tr("The paper's drum GAN made to train: its Dense/BatchNorm generator against an LSTM critic "
                               "(WGAN-GP); learns one-bar patterns of the data's drum parts, in their most common meter"),
                         Qt::ToolTipRole);
    preset_->setItemData(8, tr("The drum GAN with NoteForge's generator: an LSTM that writes the bar step by step"),
                         Qt::ToolTipRole);
    preset_->setItemData(9, tr("The LSTM drum GAN conditioned on where the other parts play on each step and on the bar "
                               "before, so Add Part's drums follow the piece and carry their groove from bar to bar"),
                         Qt::ToolTipRole);
    representation_ = combo(this, {word(TokenizerKind::Events), word(TokenizerKind::Remi), word(TokenizerKind::PaperNotes),
                                   word(TokenizerKind::AbcChars), word(TokenizerKind::Drums)},
                            tr("How music becomes tokens: performance events; remi, bars with instruments and controls "
                               "(lstm and transformer; what Compose needs to rewrite bars, add parts and continue); the "
                               "paper's note names; ABC characters; or drum patterns (the drum parts only)"));
    epochs_ = spin(this, 1, 100000, tr("Passes over the training data"));
    batch_ = spin(this, 1, 4096, tr("Windows per optimiser step"));
    seqLength_ = spin(this, 4, 4096, tr("Tokens per training window"));
    hidden_ = spin(this, 8, 8192, tr("LSTM units per layer (transformer: the width of its MLP)"));
    layers_ = spin(this, 1, 16, tr("Stacked LSTM layers (transformer: blocks)"));
    embed_ = spin(this, 4, 4096, tr("Token embedding size (transformer: its width)"));
    dropout_ = dspin(this, 0, 0.9, 2, 0.05, tr("Dropout after each LSTM layer (transformer: after attention and MLP)"));
    optimizer_ = combo(this, {word(OptimizerKind::RmsProp), word(OptimizerKind::Adam), word(OptimizerKind::AdamW)}, tr("Optimiser (the paper used RMSprop)"));
    learningRate_ = dspin(this, 1e-6, 1.0, 6, 1e-4, tr("Learning rate"));
    valShare_ = dspin(this, 0, 0.5, 2, 0.05, tr("Share of pieces held out for validation"));
    seed_ = spin(this, 0, 1 << 30, tr("Random seed: the same seed and data give the same model"));
    checkpointEvery_ = spin(this, 1, 10000, tr("Epochs between checkpoints"));
    device_ = combo(this, {"auto", "cpu", "cuda"}, tr("Where to train: a CUDA GPU when available, else every CPU core"));
    threads_ = spin(this, 0, std::max(1, QThread::idealThreadCount()), tr("CPU threads; 0 = every core but one (kept for the window and the sound)"));

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Preset:"), preset_);
    form->addRow(tr("Representation:"), representation_);
    form->addRow(tr("Epochs:"), epochs_);
    form->addRow(tr("Batch size:"), batch_);
    form->addRow(tr("Window:"), seqLength_);
    form->addRow(tr("Hidden units:"), hidden_);
    form->addRow(tr("Layers:"), layers_);
    form->addRow(tr("Embedding:"), embed_);
    form->addRow(tr("Dropout:"), dropout_);
    form->addRow(tr("Optimiser:"), optimizer_);
    form->addRow(tr("Learning rate:"), learningRate_);
    form->addRow(tr("Validation share:"), valShare_);
    form->addRow(tr("Seed:"), seed_);
    form->addRow(tr("Checkpoint every:"), checkpointEvery_);
    form->addRow(tr("Device:"), device_);
    form->addRow(tr("CPU threads:"), threads_);
    connect(preset_, &QComboBox::activated, this, &HyperparameterForm::applyPreset);
    applyPreset(0);
}

void HyperparameterForm::applyPreset(int index) {
    // A preset is a new network of the musician's own: whatever base was shown is left, and presetApplied() tells the
    // panel, whose "Start from" becomes "Nothing (a new model)" (from the box or from code alike).
    leaveFineTuning();
    preset_->setCurrentIndex(index);
    const Preset& preset = kPresets[std::clamp(index, 0, kPresetCount - 1)];
    TrainingConfig c = preset.drums ? drumModelConfig() : TrainingConfig::forModel(preset.kind, preset.size);
    c.model.gan.generator = preset.ganGenerator;
    c.tokenizer.bandOnsets = preset.followBand;
    c.model.gan.band = preset.followBand && c.model.isDrumGan();
    c.model.gan.primer = preset.primer;
    setConfig(c);
    emit presetApplied(index);
}

void HyperparameterForm::setConfig(const TrainingConfig& c) {
    if (!fineTune_) return display(c);
    own_ = c;
    display(withRunSettings(*fineTune_, c));
}

void HyperparameterForm::display(const TrainingConfig& c) {
    base_ = c;
    representation_->setCurrentText(word(c.tokenizer.kind));
    epochs_->setValue(c.epochs);
    batch_->setValue(c.batchSize);
    seqLength_->setValue(c.seqLength);
    hidden_->setValue(c.model.hiddenSize);
    layers_->setValue(c.model.layers);
    embed_->setValue(c.model.embedDim);
    dropout_->setValue(c.model.dropout);
    optimizer_->setCurrentText(word(c.optimizer.name));
    learningRate_->setValue(c.optimizer.learningRate);
    valShare_->setValue(c.valShare);
    seed_->setValue(static_cast<int>(c.seed % (1u << 30)));
    checkpointEvery_->setValue(std::max(1, c.checkpointEvery));
    device_->setCurrentText(QString::fromStdString(c.device.rfind("cuda", 0) == 0 ? "cuda" : c.device));
    threads_->setValue(c.threads);
    enableFields();
}

std::vector<QWidget*> HyperparameterForm::baseFields() const {
    return {representation_, batch_, seqLength_, hidden_, layers_, embed_, dropout_, optimizer_, learningRate_};
}

void HyperparameterForm::enableFields() {
    for (QWidget* w : baseFields()) w->setEnabled(!fineTune_);
    // A drum GAN learns whole bars from noise: no token windows, layers, embedding or dropout to set.
    if (base_.model.isDrumGan())
        for (QWidget* w : std::initializer_list<QWidget*>{representation_, seqLength_, layers_, embed_, dropout_}) w->setEnabled(false);
}

void HyperparameterForm::showFineTuning(const std::optional<TrainingConfig>& base, const QString& baseName) {
    const TrainingConfig own = ownConfig();
    if (!base) {
        if (!fineTune_) return;
        leaveFineTuning();
        display(own);
        return;
    }
    fineTune_ = base;
    own_ = own;
    display(withRunSettings(*base, own));
    const QString why = tr("Fine-tuning keeps %1's representation and network, and trains them gently (a third of "
                           "its learning rate; adapters: its own). Start from \"Nothing (a new model)\" to set these.")
                            .arg(baseName);
    for (QWidget* w : baseFields()) w->setToolTip(why);
}

void HyperparameterForm::leaveFineTuning() {
    if (!fineTune_) return;
    fineTune_.reset();
    for (QWidget* w : baseFields()) w->setToolTip(w->statusTip());
    enableFields();
}

TrainingConfig HyperparameterForm::config() const {
    TrainingConfig c = base_;
    c.tokenizer.kind = parseEnum<TokenizerKind>(representation_->currentText().toStdString());
    c.tokenizer.bandOnsets = c.tokenizer.bandOnsets && c.tokenizer.kind == TokenizerKind::Drums;  // drums only
    c.epochs = epochs_->value();
    c.batchSize = batch_->value();
    c.seqLength = seqLength_->value();
    c.model.hiddenSize = hidden_->value();
    c.model.layers = layers_->value();
    c.model.embedDim = embed_->value();
    c.model.dropout = dropout_->value();
    c.optimizer.name = parseEnum<OptimizerKind>(optimizer_->currentText().toStdString());
    c.optimizer.learningRate = learningRate_->value();
    c.valShare = valShare_->value();
    c.seed = static_cast<std::uint64_t>(seed_->value());
    c.checkpointEvery = checkpointEvery_->value();
    c.device = device_->currentText().toStdString();
    c.threads = threads_->value();
    return c;
}

TrainingConfig HyperparameterForm::ownConfig() const { return fineTune_ ? withRunSettings(own_, config()) : config(); }

}  // namespace nf
