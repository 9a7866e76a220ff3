// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/EncodingCheckDialog.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

#include <cmath>
#include <map>

#include "document/ScoreDocument.h"
#include "pianoroll/PianoRollView.h"
#include "tokenize/Tokenizer.h"

namespace nf {

namespace {
constexpr double kTolerance = 0.010;  // seconds

struct TimedNote {
    double start, length;
    int velocity;
};

std::multimap<int, TimedNote> pitchedNotes(const Score& s) {
    std::multimap<int, TimedNote> out;
    const TempoMap& tm = s.tempoMap();
    for (const Track& t : s.tracks) {
        if (t.isDrum) continue;
        for (const Note& n : t.notes) {
            const double start = tm.secondsAt(n.start);
            out.emplace(n.pitch, TimedNote{start, tm.secondsAt(n.end()) - start, n.velocity});
        }
    }
    return out;
}

QString percent(std::size_t part, std::size_t whole) {
    return whole == 0 ? QStringLiteral("-") : QString::number(100.0 * part / whole, 'f', 0) + "%";
}
}  // namespace

EncodingCheckDialog::Kept EncodingCheckDialog::compare(const Score& original, const Score& decoded) {
    const auto a = pitchedNotes(original);
    const auto b = pitchedNotes(decoded);
    Kept k;
    k.original = a.size();
    k.decoded = b.size();
    for (const auto& [pitch, n] : a) {
        auto [lo, hi] = b.equal_range(pitch);
        const TimedNote* match = nullptr;
        for (auto it = lo; it != hi && !match; ++it)
            if (std::abs(it->second.start - n.start) <= kTolerance) match = &it->second;
        if (!match) continue;
        ++k.pitchAndOnset;
        if (std::abs(match->length - n.length) <= kTolerance) ++k.duration;
        if (match->velocity == n.velocity) ++k.velocity;
    }
    return k;
}

EncodingCheckDialog::EncodingCheckDialog(const Piece& piece, QWidget* parent) : QDialog(parent), piece_(piece) {
    setWindowTitle(tr("Encoding check \u2013 %1").arg(QFileInfo(QString::fromStdString(piece.file)).fileName()));
    kind_ = new QComboBox(this);
    for (const TokenizerKind kind : {TokenizerKind::Events, TokenizerKind::PaperNotes, TokenizerKind::AbcChars})
        kind_->addItem(QString::fromStdString(toString(kind)));
    kind_->setToolTip(tr("The representation to encode into and decode from"));
    summary_ = new QLabel(this);
    summary_->setWordWrap(true);
    originalDoc_ = new ScoreDocument(this);
    decodedDoc_ = new ScoreDocument(this);
    originalView_ = new PianoRollView(this);
    decodedView_ = new PianoRollView(this);
    originalView_->setDocument(originalDoc_);
    decodedView_->setDocument(decodedDoc_);
    for (PianoRollView* v : {originalView_, decodedView_}) v->setVelocityLaneVisible(false);
    originalDoc_->setScore(piece.score, tr("original"));

    auto* split = new QSplitter(Qt::Vertical, this);
    auto titled = [split](const QString& title, QWidget* w) {
        auto* box = new QWidget(split);
        auto* l = new QVBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(new QLabel(title, box));
        l->addWidget(w, 1);
        split->addWidget(box);
    };
    titled(tr("<b>Original</b>"), originalView_);
    titled(tr("<b>Decoded from its tokens</b>"), decodedView_);
    auto* form = new QFormLayout;
    form->addRow(tr("Representation:"), kind_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(summary_);
    layout->addWidget(split, 1);
    resize(1100, 760);
    connect(kind_, &QComboBox::currentTextChanged, this, &EncodingCheckDialog::setRepresentation);
    setRepresentation(kind_->currentText());
}

const Score& EncodingCheckDialog::decoded() const { return decodedDoc_->score(); }

void EncodingCheckDialog::setRepresentation(const QString& kind) {
    kind_->setCurrentText(kind);
    try {
        TokenizerSettings settings;
        settings.kind = parseEnum<TokenizerKind>(kind.toStdString());
        const auto tokenizer = makeTokenizer(settings);
        const std::vector<std::string> tokens = tokenizer->encode(piece_);
        decodedDoc_->setScore(tokenizer->decode(tokens), tr("decoded"));
        const Kept k = compare(piece_.score, decodedDoc_->score());
        summary_->setText(tr("%1 tokens. Of %2 notes (drums aside), %3 keep their pitch and onset; of those, %4 keep "
                             "their length and %5 their velocity. Decoded: %6 notes.")
                              .arg(tokens.size())
                              .arg(k.original)
                              .arg(percent(k.pitchAndOnset, k.original))
                              .arg(percent(k.duration, k.pitchAndOnset))
                              .arg(percent(k.velocity, k.pitchAndOnset))
                              .arg(k.decoded));
    } catch (const std::exception& e) {
        decodedDoc_->setScore(Score{}, QString());
        summary_->setText(tr("This representation cannot hold this piece: %1").arg(QString::fromStdString(e.what())));
    }
}

}  // namespace nf
