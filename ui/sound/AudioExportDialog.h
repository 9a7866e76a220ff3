// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace nf {

// File > Export Audio's save dialog: the file name and format, plus the one level choice. Unticked (the default),
// the file has playback's level; ticked, the loudest moment is raised to -1 dBFS. The choice is remembered.
class AudioExportDialog {
public:
    struct Choice {
        QString path;  // empty when the user cancelled
        bool normalize = false;
    };
    static Choice ask(QWidget* parent, const QString& start, const QString& filter);
};

}  // namespace nf
