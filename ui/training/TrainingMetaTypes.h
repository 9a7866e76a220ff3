// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The training events as Qt meta-types, for queued signals: declared once, before any signal that carries them.
#include <QMetaType>

#include "training/TrainingMetrics.h"

Q_DECLARE_METATYPE(nf::TrainingStart)
Q_DECLARE_METATYPE(nf::TrainingProgress)
Q_DECLARE_METATYPE(nf::MetricsRow)
Q_DECLARE_METATYPE(nf::TrainingResult)
