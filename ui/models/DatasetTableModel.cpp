// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/DatasetTableModel.h"

#include <QBrush>
#include <QColor>
#include <QDir>
#include <QFileInfo>

#include <cmath>
#include <unordered_map>

namespace nf {

DatasetTableModel::DatasetTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void DatasetTableModel::setDataset(std::shared_ptr<const Dataset> dataset) {
    beginResetModel();
    dataset_ = std::move(dataset);
    piecesOfRow_.clear();
    rowOfPiece_.clear();
    totals_ = {};
    if (dataset_) {
        std::unordered_map<std::string, int> rowOfFile;
        piecesOfRow_.resize(dataset_->files.size());
        for (std::size_t i = 0; i < dataset_->files.size(); ++i) {
            const FileStatus& f = dataset_->files[i];
            rowOfFile.emplace(f.file, static_cast<int>(i));
        }
        totals_ = summarizeDataset(*dataset_);
        rowOfPiece_.assign(dataset_->pieces.size(), -1);
        for (std::size_t p = 0; p < dataset_->pieces.size(); ++p) {
            auto it = rowOfFile.find(dataset_->pieces[p].file);
            if (it == rowOfFile.end()) continue;
            piecesOfRow_[static_cast<std::size_t>(it->second)].push_back(static_cast<int>(p));
            rowOfPiece_[p] = it->second;
        }
    }
    endResetModel();
}

const FileStatus* DatasetTableModel::fileAt(int row) const {
    if (!dataset_ || row < 0 || row >= static_cast<int>(dataset_->files.size())) return nullptr;
    return &dataset_->files[static_cast<std::size_t>(row)];
}

const std::vector<int>& DatasetTableModel::piecesOfRow(int row) const {
    static const std::vector<int> none;
    if (row < 0 || row >= static_cast<int>(piecesOfRow_.size())) return none;
    return piecesOfRow_[static_cast<std::size_t>(row)];
}

int DatasetTableModel::rowOfPiece(int pieceIndex) const {
    if (pieceIndex < 0 || pieceIndex >= static_cast<int>(rowOfPiece_.size())) return -1;
    return rowOfPiece_[static_cast<std::size_t>(pieceIndex)];
}

int DatasetTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() || !dataset_ ? 0 : static_cast<int>(dataset_->files.size());
}

int DatasetTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString DatasetTableModel::formatLength(double seconds) {
    const long total = std::lround(std::max(0.0, seconds));
    const long h = total / 3600, m = (total / 60) % 60, s = total % 60;
    if (h > 0) return QString("%1:%2:%3").arg(h).arg(m, 2, 10, QChar('0')).arg(s, 2, 10, QChar('0'));
    return QString("%1:%2").arg(m).arg(s, 2, 10, QChar('0'));
}

QString DatasetTableModel::displayName(const FileStatus& file) const {
    const QString path = QString::fromStdString(file.file);
    if (!dataset_) return path;
    const QFileInfo root(QString::fromStdString(dataset_->root));
    if (!root.isDir()) return QFileInfo(path).fileName();
    return QDir(root.absoluteFilePath()).relativeFilePath(QFileInfo(path).absoluteFilePath());
}

static QString formatName(MusicFormat f) {
    switch (f) {
        case MusicFormat::Midi: return QStringLiteral("MIDI");
        case MusicFormat::Abc: return QStringLiteral("ABC");
        case MusicFormat::Unknown: break;
    }
    return QStringLiteral("?");
}

static QString statusText(const FileStatus& f) {
    if (f.skipped) return QObject::tr("Skipped");
    if (!f.ok) return QObject::tr("Failed");
    if (f.failedTunes > 0) return QObject::tr("%n tune(s) failed", nullptr, f.failedTunes);
    if (!f.warnings.empty()) return QObject::tr("%n warning(s)", nullptr, static_cast<int>(f.warnings.size()));
    return QObject::tr("OK");
}

QVariant DatasetTableModel::displayValue(const FileStatus& f, int column) const {
    switch (column) {
        case File: return displayName(f);
        case Format: return formatName(f.format);
        case Pieces: return f.ok ? QVariant(f.pieces) : QVariant();
        case Tracks: return f.ok ? QVariant(f.tracks) : QVariant();
        case Notes: return f.ok ? QVariant(static_cast<qulonglong>(f.notes)) : QVariant();
        case Length: return f.ok ? QVariant(formatLength(f.seconds)) : QVariant();
        case Status: return statusText(f);
        case Error:
            if (f.error.empty() && !f.tuneErrors.empty()) {
                QString first = QString::fromStdString(f.tuneErrors.front());
                if (f.tuneErrors.size() > 1) first += tr("  (+%1 more)").arg(f.tuneErrors.size() - 1);
                return first;
            }
            return QString::fromStdString(f.error);
        default: return {};
    }
}

QVariant DatasetTableModel::sortValue(const FileStatus& f, int column) const {
    switch (column) {
        case Pieces: return f.pieces;
        case Tracks: return f.tracks;
        case Notes: return static_cast<qulonglong>(f.notes);
        case Length: return f.seconds;
        case Status: return f.skipped ? -1 : (f.ok ? 0 : 2) + (f.failedTunes > 0 || !f.warnings.empty() ? 1 : 0);
        default: return displayValue(f, column);
    }
}

QVariant DatasetTableModel::data(const QModelIndex& index, int role) const {
    const FileStatus* f = fileAt(index.row());
    if (!f || !index.isValid()) return {};
    switch (role) {
        case Qt::DisplayRole: return displayValue(*f, index.column());
        case SortRole: return sortValue(*f, index.column());
        case Qt::TextAlignmentRole:
            if (index.column() >= Pieces && index.column() <= Length)
                return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
            return {};
        case Qt::ForegroundRole:
            if (index.column() == Status || index.column() == Error) {
                if (f->skipped) return QBrush(QColor(128, 128, 128));
                if (!f->ok) return QBrush(QColor(200, 40, 40));
                if (f->failedTunes > 0 || !f->warnings.empty()) return QBrush(QColor(190, 120, 0));
            }
            return {};
        case Qt::ToolTipRole: {
            QString tip = QString::fromStdString(f->file);
            if (!f->error.empty()) tip += "\n" + QString::fromStdString(f->error);
            int shown = 0;
            for (const auto& w : f->warnings) {
                if (++shown > 10) {
                    tip += tr("\n... and %1 more").arg(f->warnings.size() - 10);
                    break;
                }
                tip += "\n" + QString::fromStdString(w);
            }
            return tip;
        }
        default: return {};
    }
}

QVariant DatasetTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal) return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
            case File: return tr("File");
            case Format: return tr("Format");
            case Pieces: return tr("Tunes");
            case Tracks: return tr("Tracks");
            case Notes: return tr("Notes");
            case Length: return tr("Length");
            case Status: return tr("Status");
            case Error: return tr("Error");
            default: return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
            case Pieces: return tr("Tunes in an ABC file; 1 for a MIDI file");
            case Tracks: return tr("Tracks with notes (all tunes together for ABC)");
            case Length: return tr("Playing time through the tempo map (all tunes together for ABC)");
            case Error: return tr("Why a file could not be read: file, line or byte offset, and what is wrong");
            default: return {};
        }
    }
    return {};
}

}  // namespace nf
