// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/LambdaCommand.h"

namespace nf {

LambdaCommand::LambdaCommand(const QString& text, std::function<void()> redo, std::function<void()> undo,
                             QUndoCommand* parent)
    : QUndoCommand(text, parent), redo_(std::move(redo)), undo_(std::move(undo)) {}

void LambdaCommand::redo() {
    if (redo_) redo_();
}

void LambdaCommand::undo() {
    if (undo_) undo_();
}

}  // namespace nf
