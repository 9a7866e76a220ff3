// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/ModelCardText.h"

#include <nlohmann/json.hpp>

#include "training/ModelFile.h"

namespace nf {

QString modelCardText(const std::string& path) {
    try {
        const std::string cardJson = readModelCard(path);
        if (cardJson.empty()) return QString::fromStdString(path);
        const auto card = nlohmann::json::parse(cardJson);
        return QString::fromStdString(card.value("description", "") + "\n" + card.value("sources_summary", "") + "\n" +
                                      path);
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

}  // namespace nf
