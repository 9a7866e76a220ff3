// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

namespace nf {

// Toolbar and window icons. The desktop's icon theme is used when it has the icon; otherwise a simple
// vector drawing, so the studio looks complete on a bare system (and in CI screenshots) without icon packs.
namespace IconFactory {
enum class Icon { App, OpenFolder, OpenFile, Undo, Redo, Select, Draw, Erase, ZoomIn, ZoomOut, ZoomFit, Quantize, Play, Stop, Rewind,
                  Loop };
QIcon icon(Icon which);
}  // namespace IconFactory

}  // namespace nf
