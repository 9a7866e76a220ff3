// SPDX-License-Identifier: GPL-3.0-or-later
#include "nosound/StudioWithoutSound.h"

#include "controllers/LogHub.h"
#include "studio/StudioActions.h"
#include "studio/StudioContext.h"

namespace nf {

NF_STUDIO_MODULE(StudioWithoutSound, 10)

StudioWithoutSound::StudioWithoutSound(StudioContext& context, QObject* window) : StudioModule(context, window) {
    context.actions()->disableSound(reason());
    connect(&context, &StudioContext::phraseRecordingRequested, this, [&context] {
        context.log()->error(tr("This NoteForge was built without MIDI input (NF_WITH_AUDIO=OFF)"));
    });
}

QString StudioWithoutSound::reason() { return tr("This NoteForge was built without sound (NF_WITH_AUDIO=OFF)"); }

}  // namespace nf
