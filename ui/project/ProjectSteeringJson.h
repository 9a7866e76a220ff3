// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include "project/ProjectFile.h"

namespace nf {

// The "steering" object of a project (version 2): the job, its controls and its candidates.
QJsonObject steeringToJson(const ProjectSteering& steering);
// Throws std::runtime_error "FILE: ..." for candidates without music or an unknown kind.
ProjectSteering steeringFromJson(const QJsonObject& o, const QString& file);

}  // namespace nf
