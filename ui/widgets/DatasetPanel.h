// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QCheckBox;
class QTableView;

namespace nf {

class DatasetFilterProxy;
class DatasetTableModel;

// The Dataset dock: a sortable, filterable table of the files of the loaded dataset with their totals, and
// while loading a progress bar with a Cancel button.
class DatasetPanel : public QWidget {
    Q_OBJECT
public:
    explicit DatasetPanel(DatasetTableModel* model, QWidget* parent = nullptr);

    QTableView* table() const { return table_; }
    DatasetFilterProxy* proxy() const { return proxy_; }
    QLabel* totalsLabel() const { return totals_; }
    QLabel* vocabularyLabel() const { return vocabulary_; }
    QProgressBar* progressBar() const { return progress_; }
    QPushButton* cancelButton() const { return cancel_; }

public slots:
    void setLoading(const QString& path);
    void setProgress(int done, int total, const QString& file);
    void setIdle();
    void updateTotals();
    void setVocabulary(const QString& text);
    // Selects and shows the row of a file of the model.
    void selectSourceRow(int row);

signals:
    void fileActivated(int sourceRow);
    void openFolderRequested();
    // "Encoding check" from the table's context menu.
    void encodingCheckRequested(int sourceRow);
    void cancelRequested();

private:
    DatasetTableModel* model_;
    DatasetFilterProxy* proxy_;
    QCheckBox* showSkipped_;
    QTableView* table_;
    QLineEdit* filter_;
    QLabel* totals_;
    QLabel* vocabulary_;
    QProgressBar* progress_;
    QPushButton* cancel_;
    QLabel* current_;
};

}  // namespace nf
