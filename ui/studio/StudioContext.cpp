// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/StudioContext.h"

namespace nf {

StudioContext::StudioContext(const Parts& parts, QObject* parent) : QObject(parent), parts_(parts) {}

}  // namespace nf
