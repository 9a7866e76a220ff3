// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/DatasetPanel.h"

#include <QAction>
#include <QCheckBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include "models/DatasetFilterProxy.h"
#include "models/DatasetTableModel.h"

namespace nf {

DatasetPanel::DatasetPanel(DatasetTableModel* model, QWidget* parent) : QWidget(parent), model_(model) {
    auto* open = new QToolButton(this);
    open->setText(tr("Open Folder..."));
    open->setToolTip(tr("Open a folder of MIDI files or ABC tunes (Ctrl+O)"));
    open->setToolButtonStyle(Qt::ToolButtonTextOnly);
    filter_ = new QLineEdit(this);
    filter_->setPlaceholderText(tr("Filter files..."));
    filter_->setClearButtonEnabled(true);
    filter_->setToolTip(tr("Show only files whose name, status or error contains this text"));

    proxy_ = new DatasetFilterProxy(this);
    proxy_->setSourceModel(model_);
    showSkipped_ = new QCheckBox(tr("Non-music files"), this);
    showSkipped_->setToolTip(tr("Also list the files that are neither MIDI nor ABC (READMEs, licences)"));
    showSkipped_->setStatusTip(showSkipped_->toolTip());

    table_ = new QTableView(this);
    table_->setModel(proxy_);
    table_->setSortingEnabled(true);
    table_->sortByColumn(DatasetTableModel::File, Qt::AscendingOrder);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->setTextElideMode(Qt::ElideMiddle);  // file names differ at their ends
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 6);
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    table_->setToolTip(tr("Double-click a file to show it in the piano roll"));

    totals_ = new QLabel(tr("No dataset loaded"), this);
    totals_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    totals_->setWordWrap(true);  // one long line would hold the panel (and so the piano roll) at its width
    vocabulary_ = new QLabel(this);
    vocabulary_->setToolTip(tr("Distinct tokens each representation makes of this dataset (what a model must learn)"));
    vocabulary_->setWordWrap(true);
    progress_ = new QProgressBar(this);
    progress_->setTextVisible(true);
    cancel_ = new QPushButton(tr("Cancel"), this);
    cancel_->setToolTip(tr("Stop loading; the files read so far stay listed"));
    current_ = new QLabel(this);
    current_->setTextFormat(Qt::PlainText);

    auto* top = new QHBoxLayout;
    top->addWidget(open);
    top->addWidget(filter_, 1);
    top->addWidget(showSkipped_);
    auto* loading = new QHBoxLayout;
    loading->addWidget(progress_, 1);
    loading->addWidget(cancel_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(table_, 1);
    layout->addLayout(loading);
    layout->addWidget(current_);
    layout->addWidget(totals_);
    layout->addWidget(vocabulary_);
    setIdle();

    connect(open, &QToolButton::clicked, this, &DatasetPanel::openFolderRequested);
    connect(cancel_, &QPushButton::clicked, this, &DatasetPanel::cancelRequested);
    connect(showSkipped_, &QCheckBox::toggled, proxy_, &DatasetFilterProxy::setShowSkipped);
    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    connect(table_, &QTableView::activated, this,
            [this](const QModelIndex& index) { emit fileActivated(proxy_->mapToSource(index).row()); });
    connect(model_, &QAbstractItemModel::modelReset, this, &DatasetPanel::updateTotals);
    table_->setContextMenuPolicy(Qt::ActionsContextMenu);
    auto* check = new QAction(tr("Encoding Check..."), table_);
    check->setStatusTip(tr("Show the file decoded from its tokens beside the original: what a representation throws away"));
    table_->addAction(check);
    connect(check, &QAction::triggered, this, [this] {
        const QModelIndex index = table_->currentIndex();
        if (index.isValid()) emit encodingCheckRequested(proxy_->mapToSource(index).row());
    });
}

void DatasetPanel::setLoading(const QString& path) {
    progress_->setRange(0, 0);  // busy until the loader knows how many files there are
    progress_->setFormat(tr("Scanning..."));
    progress_->show();
    cancel_->show();
    cancel_->setEnabled(true);
    current_->setText(tr("Loading %1").arg(path));
    current_->show();
}

void DatasetPanel::setProgress(int done, int total, const QString& file) {
    progress_->setRange(0, std::max(1, total));
    progress_->setValue(done);
    progress_->setFormat(tr("%1 of %2 files").arg(done).arg(total));
    current_->setText(QFileInfo(file).fileName());
}

void DatasetPanel::setIdle() {
    progress_->hide();
    cancel_->hide();
    current_->hide();
}

void DatasetPanel::setVocabulary(const QString& text) { vocabulary_->setText(text); }

void DatasetPanel::updateTotals() {
    const auto& t = model_->totals();
    vocabulary_->setText(model_->dataset() ? tr("Vocabulary: counting...") : QString());
    if (!model_->dataset()) {
        totals_->setText(tr("No dataset loaded"));
        return;
    }
    const QLocale loc;
    QString text = tr("%1 files (%2 read, %3 failed, %4 skipped)  ·  %5 pieces  ·  %6 notes  ·  %7")
                       .arg(t.filesTotal)
                       .arg(t.filesRead)
                       .arg(t.filesFailed)
                       .arg(t.filesSkipped)
                       .arg(t.pieces)
                       .arg(loc.toString(static_cast<qulonglong>(t.notes)))
                       .arg(DatasetTableModel::formatLength(t.seconds));
    if (model_->dataset()->cancelled) text += tr("  ·  cancelled: partial");
    totals_->setText(text);
    table_->resizeColumnsToContents();
    // The file column may hold long relative paths; keep the error column visible.
    table_->setColumnWidth(DatasetTableModel::File, std::min(table_->columnWidth(DatasetTableModel::File), 200));
}

void DatasetPanel::selectSourceRow(int row) {
    const QModelIndex index = proxy_->mapFromSource(model_->index(row, 0));
    if (!index.isValid()) return;
    table_->selectRow(index.row());
    table_->scrollTo(index);
}

}  // namespace nf
