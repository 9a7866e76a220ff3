// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

#include <memory>
#include <vector>

#include "dataset/Dataset.h"
#include "dataset/DatasetSummary.h"

namespace nf {

// One row per file of a loaded dataset (good and bad), for the Dataset panel's table.
class DatasetTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { File, Format, Pieces, Tracks, Notes, Length, Status, Error, ColumnCount };
    // Raw values (numbers, not display strings) so a sort proxy orders "1:05" after "0:59".
    static constexpr int SortRole = Qt::UserRole + 1;

    explicit DatasetTableModel(QObject* parent = nullptr);

    void setDataset(std::shared_ptr<const Dataset> dataset);
    const std::shared_ptr<const Dataset>& dataset() const { return dataset_; }
    const FileStatus* fileAt(int row) const;
    // Indices into dataset()->pieces of the pieces read from the file of `row`, in file order.
    const std::vector<int>& piecesOfRow(int row) const;
    // The row of the file a piece came from, -1 if none.
    int rowOfPiece(int pieceIndex) const;
    const DatasetSummary& totals() const { return totals_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString formatLength(double seconds);
    // The file name relative to the dataset root, as the table shows it.
    QString displayName(const FileStatus& file) const;

private:
    QVariant displayValue(const FileStatus& f, int column) const;
    QVariant sortValue(const FileStatus& f, int column) const;

    std::shared_ptr<const Dataset> dataset_;
    std::vector<std::vector<int>> piecesOfRow_;
    std::vector<int> rowOfPiece_;
    DatasetSummary totals_;
};

}  // namespace nf
