// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <vector>

#include "dataset/Dataset.h"
#include "evaluation/EvaluationReport.h"
#include "generation/BarPieces.h"
#include "generation/GeneratedPiece.h"
#include "generation/GenerationSettings.h"

namespace nf {

class GenerationModel;
class TrainingReference;

// One generated variation with its evaluation against the training data.
struct GenerationResult {
    GeneratedPiece piece;
    std::optional<PieceEvaluation> evaluation;  // absent when no dataset was loaded to compare with
};

// Generates pieces on a worker thread (open the model, prime, sample K variations, decode, evaluate against the
// loaded dataset) and hands the results to the GUI thread. Cancellable; the model and the evaluation index of
// the training data are kept between runs.
class GenerationController : public QObject {
    Q_OBJECT
public:
    enum class PrimerKind { None, TrainingWindow, Phrase, File };

    struct Request {
        QString modelPath;
        GenerationSettings settings;
        PrimerKind primer = PrimerKind::None;
        int primerLength = 0;                    // TrainingWindow: tokens (0 = the model's window)
        Score phrase;                            // Phrase: the piano-roll selection
        QString primerFile;                      // File
        std::shared_ptr<const Dataset> dataset;  // evaluation reference and training-window primer source
        // Bar-structured (remi) models: whole bars in a meter, tempo and key instead of `settings.length` tokens;
        // with the Phrase primer the bars continue the selection, otherwise the piece is new.
        std::optional<BarPieceRequest> barPiece;
    };

    explicit GenerationController(QObject* parent = nullptr);
    ~GenerationController() override;

    bool isRunning() const { return watcher_.isRunning(); }

public slots:
    void generate(const nf::GenerationController::Request& request);
    void cancel();

signals:
    void progress(int done, int total);
    void finished(const std::vector<nf::GenerationResult>& results);
    void failed(const QString& message);

private:
    struct Outcome {
        std::vector<GenerationResult> results;
        QString error;
    };
    // Shared with the worker; touched only there while a run is going.
    struct Cache {
        QString modelPath;
        std::shared_ptr<const GenerationModel> model;
        const Dataset* referenceFor = nullptr;
        std::shared_ptr<const Dataset> referenceData;  // keeps referenceFor alive
        std::shared_ptr<const TrainingReference> reference;
    };
    QFutureWatcher<Outcome> watcher_;
    std::shared_ptr<std::atomic<bool>> cancel_;
    std::shared_ptr<Cache> cache_;
};

}  // namespace nf

Q_DECLARE_METATYPE(std::vector<nf::GenerationResult>)
