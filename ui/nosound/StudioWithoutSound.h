// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "studio/StudioModule.h"

namespace nf {

// Stands in for the sound side (ui/sound/) in a build without audio (NF_WITH_AUDIO=OFF; CMake compiles one or the
// other): greys out what needs sound, saying why, and answers the requests sound would answer with that reason.
class StudioWithoutSound : public StudioModule {
    Q_OBJECT
public:
    StudioWithoutSound(StudioContext& context, QObject* window);

    static QString reason();
};

}  // namespace nf
