// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/DatasetFilterProxy.h"

#include "models/DatasetTableModel.h"

namespace nf {

DatasetFilterProxy::DatasetFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {
    setSortRole(DatasetTableModel::SortRole);
    setFilterKeyColumn(-1);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterRole(Qt::DisplayRole);
}

void DatasetFilterProxy::setShowSkipped(bool show) {
    if (show == showSkipped_) return;
    showSkipped_ = show;
    invalidateRowsFilter();
}

bool DatasetFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    if (!showSkipped_)
        if (const auto* model = qobject_cast<const DatasetTableModel*>(sourceModel()))
            if (const FileStatus* f = model->fileAt(sourceRow); f && f->skipped) return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

}  // namespace nf
