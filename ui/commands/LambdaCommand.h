// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QUndoCommand>

#include <functional>

namespace nf {

// An undo step made of two closures, for small edits (a track's instrument, mute, name) that do not deserve a
// class of their own. The closures must capture everything by value: they outlive the code that made them.
class LambdaCommand : public QUndoCommand {
public:
    LambdaCommand(const QString& text, std::function<void()> redo, std::function<void()> undo,
                  QUndoCommand* parent = nullptr);

    void redo() override;
    void undo() override;

private:
    std::function<void()> redo_;
    std::function<void()> undo_;
};

}  // namespace nf
