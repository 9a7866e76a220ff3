// SPDX-License-Identifier: GPL-3.0-or-later
#include "steering/SteeringController.h"

#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <filesystem>
#include <mutex>
#include <stdexcept>

#include "drums/DrumPart.h"
#include "evaluation/ContextFit.h"
#include "generation/GenerationModel.h"
#include "generation/GenerationSettings.h"
#include "music/BarGrid.h"

namespace nf {

// The opened model, shared by the opener and the runs (which may overlap when the model changes mid-run); and the
// drums model of Add Part -> Drums, kept from run to run (More, another Add Part) while its file is unchanged.
struct SteeringController::Cache {
    std::mutex mutex;
    QString path;
    std::shared_ptr<const GenerationModel> model;
    std::string drumsPath;
    std::filesystem::file_time_type drumsWritten;
    std::uintmax_t drumsSize = 0;
    std::shared_ptr<const GenerationModel> drums;

    // The drums model at `at`: the one already open when the file has the same time and size (a model retrained or
    // copied over it changes one of them), else opened (on the calling worker; the lock is not held while a file
    // is read).
    std::shared_ptr<const GenerationModel> drumsAt(const std::string& at) {
        std::error_code timeError, sizeError;
        const auto written = std::filesystem::last_write_time(at, timeError);
        const auto size = std::filesystem::file_size(at, sizeError);
        {
            std::lock_guard lock(mutex);
            if (!timeError && !sizeError && drums && drumsPath == at && drumsWritten == written && drumsSize == size)
                return drums;
        }
        auto opened = std::make_shared<const GenerationModel>(GenerationModel::open(at));
        std::lock_guard lock(mutex);
        drumsPath = at;
        drumsWritten = written;
        drumsSize = size;
        drums = opened;
        return opened;
    }
};

namespace {

// The musician's bar numbers (BarGrid: a pickup is bar 0) of the bars holding `from` and `to - 1`.
std::pair<int, int> barNumbers(const Score& score, Tick from, Tick to) {
    const auto bars = barLines(score, std::max(score.endTick(), to) + 1);
    return {bars[barIndexAt(bars, from)].number, bars[barIndexAt(bars, std::max(from, to - 1))].number};
}

std::vector<SteeredPiece> runJob(const RemiSteering& steering, const SteeringJob& job, const SteeringRequest& request) {
    switch (job.kind) {
        case SteeringJob::Kind::Regenerate: {
            const auto [first, last] = barNumbers(job.base, job.spanStart, job.spanEnd);
            std::vector<int> tracks;
            for (std::size_t t : job.tracks) tracks.push_back(static_cast<int>(t) + 1);  // the engine counts from 1
            return steering.infill(job.base, first, last, tracks, request);
        }
        case SteeringJob::Kind::AddPart: return steering.accompany(job.base, job.program, request);
        case SteeringJob::Kind::Continue: {
            const int from = barNumbers(job.base, job.spanStart, job.spanStart + 1).first;
            return steering.continuePiece(job.base, from, job.bars, request);
        }
    }
    return {};
}

}  // namespace

SteeringController::SteeringController(QObject* parent) : QObject(parent), cache_(std::make_shared<Cache>()) {
    qRegisterMetaType<std::shared_ptr<const nf::SteeredPiece>>();
    connect(&watcher_, &QFutureWatcherBase::finished, this, [this] {
        if (pending_) {  // a run asked for while the previous one was stopping: it starts now, in its place
            auto [job, first] = std::move(*pending_);
            pending_.reset();
            return start(job, first);
        }
        emit finished(cancel_ && cancel_->load());
    });
}

SteeringController::~SteeringController() {
    cancel();
    watcher_.waitForFinished();
    opener_.waitForFinished();
}

void SteeringController::setModelPath(const QString& path) {
    modelPath_ = path;
    if (opener_.isRunning()) return;  // the running check looks at modelPath_ again when it ends
    canSteer_ = false;
    drumsModel_ = false;
    learned_.reset();
    if (path.isEmpty()) {
        whyNot_ = tr("No model yet: train one, or choose a model file in the Generation panel");
        emit modelChecked(false, whyNot_);
        return;
    }
    whyNot_ = tr("Opening the model...");
    auto cache = cache_;
    auto why = std::make_shared<QString>();
    auto drums = std::make_shared<bool>(false);
    auto learned = std::make_shared<std::optional<LearnedInstruments>>();
    const QString opening = path;
    disconnect(&opener_, nullptr, this, nullptr);
    connect(&opener_, &QFutureWatcherBase::finished, this, [this, why, drums, learned, opening] {
        if (modelPath_ != opening) return setModelPath(modelPath_);  // changed meanwhile: check the newer one
        canSteer_ = why->isEmpty();
        drumsModel_ = *drums;
        learned_ = *learned;
        whyNot_ = *why;
        emit modelChecked(canSteer_, whyNot_);
    });
    opener_.setFuture(QtConcurrent::run([cache, why, drums, learned, opening] {
        *learned = readLearnedInstruments(opening.toStdString());
        try {
            auto model = std::make_shared<const GenerationModel>(GenerationModel::open(opening.toStdString()));
            if (model->config().tokenizer.kind == TokenizerKind::Drums) {
                *drums = true;
                *why = tr("This is a drums model: Compose > Add Part writes a drum part with it; rewriting bars and "
                          "continuing need a model trained on the remi representation");
                return;
            }
            RemiSteering check(*model);  // throws for models that cannot infill
            std::lock_guard lock(cache->mutex);
            cache->path = opening;
            cache->model = std::move(model);
        } catch (const std::invalid_argument&) {
            *why = tr("This model cannot rewrite bars or add parts: only models trained on the remi representation "
                      "(lstm or transformer) can. The paper's models only generate whole pieces.");
        } catch (const std::exception& e) {
            *why = QString::fromStdString(e.what());
        }
    }));
}

void SteeringController::start(const SteeringJob& job, int firstIndex) {
    if (watcher_.isRunning()) {
        // The running job is superseded (a new Generate, another passage): stop it, start this one when it ends.
        cancel();
        pending_ = std::make_pair(job, firstIndex);
        return;
    }
    std::shared_ptr<const GenerationModel> model;
    {
        std::lock_guard lock(cache_->mutex);
        if (cache_->path == modelPath_) model = cache_->model;
    }
    // A drum part from a drums model needs no steerable model of the piece: the drums model is opened on the worker.
    const bool drumModel = job.kind == SteeringJob::Kind::AddPart && job.program < 0 && !job.drumModelPath.empty();
    if (!drumModel && (!model || !canSteer_)) {
        emit failed(whyNot_.isEmpty() ? tr("The model is not ready yet") : whyNot_);
        emit finished(false);
        return;
    }
    cancel_ = std::make_shared<std::atomic<bool>>(false);
    auto cancelFlag = cancel_;
    SteeringController* self = this;  // the destructor waits for the worker
    const int threads = std::max(1, QThread::idealThreadCount() - 1);
    // What a run posts is delivered only while it is the current run: a candidate written just before a Cancel
    // must not join the next job's list.
    const std::uint64_t run = ++run_;
    auto cache = cache_;
    watcher_.setFuture(QtConcurrent::run([self, cancelFlag, cache, model, job, firstIndex, threads, run, drumModel] {
        try {
            const std::shared_ptr<const GenerationModel> drums = drumModel ? cache->drumsAt(job.drumModelPath) : nullptr;
            if (drums && firstIndex == 0) {
                const bool band = drumPartHearsTheBand(*drums, job.base), gan = drums->drumGan() != nullptr;
                const QString file = QString::fromStdString(job.drumModelPath);
                QMetaObject::invokeMethod(self, [self, file, band, gan, run] {
                    if (self->run_ == run) emit self->drumModelHears(file, band, gan);
                }, Qt::QueuedConnection);
            }
            const std::unique_ptr<const RemiSteering> steering = drumModel ? nullptr : std::make_unique<const RemiSteering>(*model);
            const int total = std::max(1, job.candidates);
            // Tries are for rewrites, the setting the ranking was measured in (docs/benchmarks/infill.md); a new part
            // has no music of its own around it to fit, and a continuation's fit is not measured yet: one try.
            const int tries = job.kind == SteeringJob::Kind::Regenerate ? std::max(1, job.tries) : 1;
            for (int k = 0; k < total && !cancelFlag->load(); ++k) {
                std::optional<SteeredPiece> best;
                double bestFit = 0;
                for (int j = 0; j < tries && !cancelFlag->load(); ++j) {
                    SteeringRequest request;
                    request.sampling = job.sampling;
                    request.sampling.seed = variationSeed(job.sampling.seed, trySeedIndex(firstIndex + k, j));
                    request.candidates = 1;
                    request.controls = job.controls;
                    request.threads = threads;
                    request.cancel = cancelFlag.get();
                    const int step = k * tries + j, steps = total * tries;
                    request.progress = [self, step, steps, run](int done, int of) {
                        const int permille =
                            static_cast<int>(1000.0 * (step + static_cast<double>(done) / std::max(1, of)) / steps);
                        QMetaObject::invokeMethod(self, [self, permille, run] {
                            if (self->run_ == run) emit self->progress(permille, 1000);
                        }, Qt::QueuedConnection);
                    };
                    std::vector<SteeredPiece> pieces;
                    if (drums) {
                        DrumPartRequest part;
                        part.sampling = request.sampling;
                        part.threads = threads;
                        part.cancel = request.cancel;
                        part.progress = request.progress;
                        pieces.push_back(addDrumPart(*drums, job.base, part));
                    } else {
                        pieces = runJob(*steering, job, request);
                    }
                    if (pieces.empty() || pieces.front().cancelled || cancelFlag->load()) break;
                    // The first of the best fits. A passage with nothing around it to fit (the whole piece) has no fit
                    // for any try: the first is the candidate, and no more are drawn.
                    const std::optional<double> fit = tries > 1 ? jobContextFit(job, pieces.front().score) : std::nullopt;
                    if (!best || (fit && *fit > bestFit)) {
                        best = std::move(pieces.front());
                        bestFit = fit.value_or(0);
                    }
                    if (!fit) break;
                }
                // Cancelled between tries: nothing more is posted (cancel() drops what this run still sends).
                if (!best || cancelFlag->load()) break;
                auto piece = std::make_shared<const SteeredPiece>(std::move(*best));
                const int index = firstIndex + k;
                QMetaObject::invokeMethod(self, [self, index, piece, run] {
                    if (self->run_ == run) emit self->candidateReady(index, piece);
                }, Qt::QueuedConnection);
            }
        } catch (const std::exception& e) {
            const QString message = QString::fromStdString(e.what());
            QMetaObject::invokeMethod(self, [self, message] { emit self->failed(message); }, Qt::QueuedConnection);
        }
    }));
}

void SteeringController::cancel() {
    if (cancel_) cancel_->store(true);
    ++run_;  // anything the cancelled run still posts is dropped
}

}  // namespace nf
