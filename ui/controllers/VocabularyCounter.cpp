// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/VocabularyCounter.h"

#include <QtConcurrent/QtConcurrentRun>

#include "tokenize/CorpusBuilder.h"

namespace nf {

VocabularyCounter::VocabularyCounter(QObject* parent) : QObject(parent) {
    connect(&watcher_, &QFutureWatcherBase::finished, this, [this] {
        const auto counts = watcher_.result();
        if (pending_) {  // a newer dataset arrived meanwhile: this count is stale
            auto next = std::move(pending_);
            pending_.reset();
            count(next);
            return;
        }
        emit counted(counts);
    });
}

VocabularyCounter::~VocabularyCounter() { watcher_.waitForFinished(); }

void VocabularyCounter::count(std::shared_ptr<const Dataset> dataset) {
    if (!dataset) return;
    if (watcher_.isRunning()) {
        pending_ = std::move(dataset);
        return;
    }
    watcher_.setFuture(QtConcurrent::run([dataset]() {
        std::vector<Count> out;
        for (const TokenizerKind kind : {TokenizerKind::Events, TokenizerKind::PaperNotes, TokenizerKind::AbcChars}) {
            Count c;
            c.representation = QString::fromStdString(toString(kind));
            try {
                TokenizerSettings settings;
                settings.kind = kind;
                const TokenizedCorpus corpus = tokenizeDataset(*dataset, settings);
                c.vocabulary = corpus.vocab.size();
                c.pieces = static_cast<int>(corpus.pieces.size());
                c.tokens = corpus.tokenCount();
            } catch (const std::exception&) {
                // No piece fits this representation (abc-chars on a MIDI-only dataset): reported as 0.
            }
            out.push_back(c);
        }
        return out;
    }));
}

QString VocabularyCounter::summary(const std::vector<Count>& counts) {
    QStringList parts;
    for (const Count& c : counts)
        parts << (c.vocabulary > 0 ? QObject::tr("%1 %2 (%3 pieces)").arg(c.representation).arg(c.vocabulary).arg(c.pieces)
                                   : QObject::tr("%1: none").arg(c.representation));
    return QObject::tr("Vocabulary: %1").arg(parts.join(QStringLiteral("  ·  ")));
}

}  // namespace nf
