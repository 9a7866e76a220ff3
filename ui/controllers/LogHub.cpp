// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/LogHub.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMetaObject>

#include <atomic>

namespace nf {

namespace {
std::atomic<LogHub*> g_hub{nullptr};
QtMessageHandler g_previous = nullptr;

void forwardQtMessage(QtMsgType type, const QMessageLogContext& context, const QString& text) {
    if (g_previous) g_previous(type, context, text);
    LogHub* hub = g_hub.load();
    if (!hub || type == QtDebugMsg) return;
    hub->post(type == QtInfoMsg ? LogHub::Level::Info
                                : (type == QtWarningMsg ? LogHub::Level::Warning : LogHub::Level::Error),
              text);
}
}  // namespace

LogHub::LogHub(QObject* parent) : QObject(parent) {}

LogHub::~LogHub() {
    LogHub* self = this;
    if (g_hub.compare_exchange_strong(self, nullptr)) qInstallMessageHandler(g_previous);
}

void LogHub::post(Level level, const QString& text) {
    const QDateTime now = QDateTime::currentDateTime();
    QMetaObject::invokeMethod(this, [this, now, level, text] { emit message(now, level, text); },
                              Qt::AutoConnection);
}

bool LogHub::writeTo(const QString& path) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (QFileInfo::exists(path)) {
        QFile::remove(path + ".1");
        QFile::rename(path, path + ".1");
    }
    auto file = std::make_unique<QFile>(path);
    if (!file->open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text)) return false;
    file_ = std::move(file);
    connect(this, &LogHub::message, this, [this](const QDateTime& when, Level level, const QString& text) {
        static const char* names[] = {"info", "warning", "error"};
        file_->write(QString("%1 %2: %3\n")
                         .arg(when.toString(Qt::ISODateWithMs), QString::fromLatin1(names[static_cast<int>(level)]), text)
                         .toUtf8());
        file_->flush();  // a crash must not lose the last lines, which are the interesting ones
    });
    return true;
}

QString LogHub::logFilePath() const { return file_ ? file_->fileName() : QString(); }

void LogHub::installQtMessageHandler() {
    g_hub.store(this);
    g_previous = qInstallMessageHandler(forwardQtMessage);
}

}  // namespace nf
