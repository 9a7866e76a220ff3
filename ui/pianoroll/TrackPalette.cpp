// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/TrackPalette.h"

#include <algorithm>
#include <cmath>

namespace nf::TrackPalette {

QColor trackColor(int trackIndex) {
    const double hue = std::fmod(0.58 + 0.381966 * std::max(0, trackIndex), 1.0);
    return QColor::fromHsvF(static_cast<float>(hue), 0.65f, 0.9f);
}

QColor noteColor(int trackIndex, int velocity) {
    const QColor base = trackColor(trackIndex);
    const double v = std::clamp(velocity, 1, 127) / 127.0;
    return QColor::fromHsvF(base.hsvHueF(), static_cast<float>(0.35 + 0.45 * v), static_cast<float>(0.6 + 0.4 * v));
}

QColor confidenceColor(double probability) {
    const double p = std::clamp(probability, 0.0, 1.0);
    return QColor::fromHsvF(static_cast<float>(0.33 * p), 0.75f, 0.92f);
}

}  // namespace nf::TrackPalette
