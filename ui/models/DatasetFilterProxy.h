// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

namespace nf {

// Sorting and text filtering of the dataset table, and hiding of the non-music files a folder holds beside
// its tunes (READMEs, licences) unless asked for: they are listed by the loader so nothing vanishes silently,
// but a musician browsing the table wants the music.
class DatasetFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit DatasetFilterProxy(QObject* parent = nullptr);
    bool showSkipped() const { return showSkipped_; }

public slots:
    void setShowSkipped(bool show);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    bool showSkipped_ = false;
};

}  // namespace nf
