// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/GenerationController.h"

#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <thread>

#include "evaluation/Evaluator.h"
#include "evaluation/TrainingReference.h"
#include "generation/GenerationModel.h"
#include "drums/DrumGanData.h"
#include "drums/DrumGenerator.h"
#include "drums/DrumTokenizer.h"
#include "generation/Generator.h"
#include "generation/Primer.h"

namespace nf {

namespace {

Primer makePrimer(const GenerationModel& model, const GenerationController::Request& r) {
    switch (r.primer) {
        case GenerationController::PrimerKind::TrainingWindow:
            if (!r.dataset || r.dataset->root.empty())
                throw std::runtime_error(GenerationController::tr("no dataset loaded to take a primer from").toStdString());
            return dataPrimer(model, r.dataset->root, r.primerLength, r.settings.sampling.seed);
        case GenerationController::PrimerKind::Phrase:
            if (r.phrase.noteCount() == 0)
                throw std::runtime_error(
                    GenerationController::tr("select some notes in the piano roll to continue").toStdString());
            return scorePrimer(model, r.phrase, r.primerLength, "piano-roll selection");
        case GenerationController::PrimerKind::File:
            return filePrimer(model, r.primerFile.toStdString(), r.primerLength);
        case GenerationController::PrimerKind::None: break;
    }
    return silentPrimer(model, r.settings.sampling.seed);
}

}  // namespace

GenerationController::GenerationController(QObject* parent)
    : QObject(parent), cache_(std::make_shared<Cache>()) {
    qRegisterMetaType<std::vector<nf::GenerationResult>>();
    connect(&watcher_, &QFutureWatcherBase::finished, this, [this] {
        Outcome out = watcher_.result();
        if (out.error.isEmpty())
            emit finished(out.results);
        else
            emit failed(out.error);
    });
}

GenerationController::~GenerationController() {
    cancel();
    watcher_.waitForFinished();
}

void GenerationController::generate(const Request& request) {
    if (watcher_.isRunning()) {
        emit failed(tr("A generation is already running"));
        return;
    }
    if (request.modelPath.isEmpty()) {
        emit failed(tr("Choose a model to generate with (train one, or open a model file)"));
        return;
    }
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    auto cancelFlag = cancel_;
    auto cache = cache_;
    GenerationController* self = this;  // the destructor waits for the worker
    watcher_.setFuture(QtConcurrent::run([self, cancelFlag, cache, request]() -> Outcome {
        try {
            if (!cache->model || cache->modelPath != request.modelPath) {
                cache->model = std::make_shared<GenerationModel>(GenerationModel::open(request.modelPath.toStdString()));
                cache->modelPath = request.modelPath;
            }
            const GenerationModel& model = *cache->model;
            auto onProgress = [self](int done, int total) {
                QMetaObject::invokeMethod(self, [self, done, total] { emit self->progress(done, total); },
                                          Qt::QueuedConnection);
            };
            std::vector<GeneratedPiece> pieces;
            if (const DrumGanNet* gan = model.drumGan()) {
                // A drum GAN writes bars of its own meter (the panel's meter is the piece's for other models).
                DrumRequest drums;
                drums.bars = request.barPiece ? request.barPiece->bars : 8;
                drums.bpm = request.barPiece ? request.barPiece->bpm : 120.0;
                drums.numerator = gan->settings().numerator;
                drums.denominator = gan->settings().denominator;
                drums.variations = request.settings.variations;
                drums.sampling = request.settings.sampling;
                if (request.primer == PrimerKind::Phrase) {
                    // The selection's last whole bar of drums, for a GAN that continues a bar; another says why not.
                    const DrumGanSettings& g = gan->settings();
                    if (!gan->continuesABar())
                        throw std::runtime_error(tr("this drum GAN writes new parts only: one trained with the \"Drum GAN "
                                                    "following the band\" preset continues a bar")
                                                     .toStdString());
                    drums.primer = lastDrumBarIn(request.phrase, DrumBarForm{g.stepsPerQuarter, g.numerator, g.denominator, 0});
                    if (!drums.primer)
                        throw std::runtime_error(tr("select a whole %1/%2 bar of drums to continue")
                                                     .arg(g.numerator)
                                                     .arg(g.denominator)
                                                     .toStdString());
                }
                for (GeneratedDrums& d : generateDrums(model, drums, cancelFlag.get())) {
                    GeneratedPiece p;
                    p.tokens = drumPatternTokens(d.pattern);
                    p.score = std::move(d.score);
                    p.recipe = recipeFor(model, request.settings, d.seed);
                    pieces.push_back(std::move(p));
                }
            } else if (request.barPiece) {
                const bool continuing = request.primer == PrimerKind::Phrase;
                if (continuing && request.phrase.noteCount() == 0)
                    throw std::runtime_error(tr("select some notes in the piano roll to continue").toStdString());
                pieces = generateBarPieces(model, *request.barPiece, request.settings,
                                           continuing ? &request.phrase : nullptr,
                                           static_cast<int>(std::max(1u, std::thread::hardware_concurrency())),
                                           cancelFlag.get(), onProgress);
            } else {
                const Primer primer = makePrimer(model, request);
                Generator generator(model);
                pieces = generatePieces(generator, model, primer, request.settings, cancelFlag.get(), onProgress);
            }
            // The training data index is built once per dataset: novelty and copies need every training track.
            if (request.dataset && cache->referenceFor != request.dataset.get()) {
                cache->reference = std::make_shared<TrainingReference>(request.dataset->pieces);
                cache->referenceFor = request.dataset.get();
                cache->referenceData = request.dataset;
            }
            Outcome out;
            for (GeneratedPiece& p : pieces) {
                GenerationResult r;
                if (request.dataset && cache->reference) {
                    Piece asPiece;
                    asPiece.file = "generated";
                    asPiece.score = p.score;
                    r.evaluation = evaluatePiece(asPiece, *cache->reference);
                }
                r.piece = std::move(p);
                out.results.push_back(std::move(r));
            }
            return out;
        } catch (const std::exception& e) {
            return {{}, QString::fromStdString(e.what())};
        }
    }));
}

void GenerationController::cancel() {
    if (cancel_) cancel_->store(true);
}

}  // namespace nf
