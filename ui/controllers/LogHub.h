// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

#include <memory>

class QFile;

namespace nf {

// Where the studio's messages go: the Log panel shows all of them, the message bar the errors. Safe to call
// from any thread (delivery is queued to the hub's thread). Also receives Qt's own warnings once
// installQtMessageHandler() has run.
class LogHub : public QObject {
    Q_OBJECT
public:
    enum class Level { Info, Warning, Error };
    Q_ENUM(Level)

    explicit LogHub(QObject* parent = nullptr);
    ~LogHub() override;

    void info(const QString& text) { post(Level::Info, text); }
    void warning(const QString& text) { post(Level::Warning, text); }
    void error(const QString& text) { post(Level::Error, text); }
    void post(Level level, const QString& text);

    // Routes qDebug/qWarning output of the whole program to this hub (and on to stderr).
    void installQtMessageHandler();
    // Also writes every message to `path` (the studio's log under the XDG data folder); the previous session's
    // log is kept as PATH.1, so a crash can still be read about after the restart. False if it cannot be opened.
    bool writeTo(const QString& path);
    QString logFilePath() const;

signals:
    void message(const QDateTime& when, nf::LogHub::Level level, const QString& text);

private:
    std::unique_ptr<QFile> file_;
};

}  // namespace nf
