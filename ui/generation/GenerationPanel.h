// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QWidget>

#include <functional>
#include <memory>

#include "generation/GenerationController.h"

class QCheckBox;
class QComboBox;
class QFormLayout;
class QDoubleSpinBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace nf {

// The Generation dock: model picker, length, sampling controls, seed, primer, number of variations; Generate
// (background, cancellable) adds its results to a table with their evaluation figures; a result opens in the piano
// roll; Regenerate runs the same recipe with fresh seeds and adds those too. Every result of the session stays in
// the list until the user removes it, and the panel knows which ones are not in a saved project yet.
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
    QComboBox* modelBox() const { return model_; }
    QSpinBox* lengthBox() const { return length_; }
    QSpinBox* barsBox() const { return bars_; }
    // True when the chosen model is bar-structured (remi): the panel asks for bars, meter, tempo and key instead of
    // tokens. Found on a worker when the model changes (barStructureKnown() emitted).
    bool barStructured() const { return barStructured_; }
    QSpinBox* variationsBox() const { return variations_; }

    QPushButton* removeButton() const { return remove_; }

    // Lists results without opening one, replacing the list (pieces restored from a project: all saved).
    void showResults(std::vector<GenerationResult> results);
    // Results not in a saved project yet; markSaved() after the project was written.
    int unsavedCount() const;
    void markSaved();
    // Removes result `row` from the list (the Remove button on the selected row).
    void removeResult(int row);

public slots:
    void startGeneration();
    void regenerate();

signals:
    void openResult(const nf::GenerationResult& result, int index);
    // A run finished and added `count` results from row `first` on.
    void generated(int first, int count);
    void mergeResult(const nf::GenerationResult& result, int index);
    void status(const QString& text);
    void recordRequested();
    // The model box now names another model file ("" when it is empty).
    void modelChanged(const QString& path);
    void barStructureKnown(bool barStructured);

private:
    void onFinished(const std::vector<GenerationResult>& results);
    void setRunning(bool running);
    void fillTable();
    void browseModel();
    void saveSelected();
    void checkModel();
    void setBarStructured(bool on);

    GenerationController* controller_;
    Context context_;
    QComboBox* model_;
    QSpinBox* length_;
    QSpinBox* bars_;
    QComboBox* meter_;
    QSpinBox* tempo_;
    QComboBox* key_;
    QFormLayout* form_ = nullptr;
    bool barStructured_ = false;
    bool startWhenChecked_ = false;  // Generate was pressed while the model's check ran
    QFutureWatcher<bool>* modelCheck_ = nullptr;
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
    QPushButton* remove_;
    QProgressBar* progress_;
    QTableWidget* table_;
    std::vector<GenerationResult> results_;
    std::vector<bool> inSavedProject_;  // per result
};

}  // namespace nf
