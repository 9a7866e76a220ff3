// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/StudioContext.h"

namespace nf {

StudioContext::StudioContext(const Parts& parts, QObject* parent) : QObject(parent), parts_(parts) {}

void StudioContext::setGenerationModel(const QString& path) {
    if (path == generationModel_) return;
    generationModel_ = path;
    emit generationModelChanged(path);
}

}  // namespace nf
