// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/LogHub.h"

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

void LogHub::installQtMessageHandler() {
    g_hub.store(this);
    g_previous = qInstallMessageHandler(forwardQtMessage);
}

}  // namespace nf
