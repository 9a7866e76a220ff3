// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <functional>
#include <memory>

#include "generation/GenerationController.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace nf {

// The Generation dock: model picker, length, sampling controls, seed, primer, number of variations; Generate
// (background, cancellable) fills a table of results with their evaluation figures; a result opens in the piano
// roll; Regenerate runs the same recipe with fresh seeds.
class GenerationPanel : public QWidget {
    Q_OBJECT
public:
    struct Context {
        std::function<std::shared_ptr<const Dataset>()> dataset;
        std::function<Score()> selection;  // the piano-roll selection as a phrase
    };

    GenerationPanel(GenerationController* controller, Context context, QWidget* parent = nullptr);

    void addModel(const QString& path);
    QString modelPath() const;
    GenerationController::Request request() const;
    const std::vector<GenerationResult>& results() const { return results_; }
    QTableWidget* table() const { return table_; }
    QPushButton* generateButton() const { return generate_; }
    QSpinBox* lengthBox() const { return length_; }
    QSpinBox* variationsBox() const { return variations_; }

    // Lists results without opening one (pieces restored from a project).
    void showResults(std::vector<GenerationResult> results);

public slots:
    void startGeneration();
    void regenerate();

signals:
    void openResult(const nf::GenerationResult& result, int index);
    void mergeResult(const nf::GenerationResult& result, int index);
    void status(const QString& text);
    void recordRequested();

private:
    void onFinished(const std::vector<GenerationResult>& results);
    void setRunning(bool running);
    void browseModel();
    void saveSelected();

    GenerationController* controller_;
    Context context_;
    QComboBox* model_;
    QSpinBox* length_;
    QCheckBox* greedy_;
    QDoubleSpinBox* temperature_;
    QSpinBox* topK_;
    QDoubleSpinBox* topP_;
    QDoubleSpinBox* repetition_;
    QSpinBox* noRepeat_;
    QDoubleSpinBox* maxNoteBeats_;
    QSpinBox* maxPolyphony_;
    QSpinBox* seed_;
    QSpinBox* variations_;
    QComboBox* primer_;
    QString primerFile_;
    QPushButton* generate_;
    QPushButton* cancel_;
    QPushButton* regenerate_;
    QPushButton* save_;
    QPushButton* merge_;
    QProgressBar* progress_;
    QTableWidget* table_;
    std::vector<GenerationResult> results_;
};

}  // namespace nf
