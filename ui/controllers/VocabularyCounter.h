// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

#include "dataset/Dataset.h"

namespace nf {

// For the Dataset panel's totals: the vocabulary each representation (events, paper notes, ABC characters) makes
// of the loaded dataset, tokenized on a worker thread after loading. A new dataset supersedes the running count.
class VocabularyCounter : public QObject {
    Q_OBJECT
public:
    struct Count {
        QString representation;
        int vocabulary = 0;   // 0 when no piece could be tokenized this way
        int pieces = 0;       // pieces usable in this representation
        std::size_t tokens = 0;
    };

    explicit VocabularyCounter(QObject* parent = nullptr);
    ~VocabularyCounter() override;

    static QString summary(const std::vector<Count>& counts);

public slots:
    void count(std::shared_ptr<const nf::Dataset> dataset);

signals:
    void counted(const std::vector<nf::VocabularyCounter::Count>& counts);

private:
    QFutureWatcher<std::vector<Count>> watcher_;
    std::shared_ptr<const Dataset> pending_;
};

}  // namespace nf
