// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "music/Score.h"

namespace nf {

// A base model: a model file that already knows music (resources/models/, docs/benchmarks/fine-tuning.md), named
// by its file's stem ("folk" for folk.nfm).
struct BaseModelFile {
    std::string name;
    std::string path;
};

// The folders searched for base models, first wins for a name: $NF_BASE_MODELS; the user's own
// ($XDG_DATA_HOME/noteforge/base-models, default ~/.local/share/noteforge/base-models; not models/, where
// the studio keeps the models the musician trains); the installed tree's models/
// (installedDataDir()) or, for an executable that is not installed, the source tree's resources/models; the
// configured install data dir's models/.
std::vector<std::string> baseModelDirs();

// Every *.nfm in those folders, one per name (the first found), sorted by name.
std::vector<BaseModelFile> findBaseModels();

// The shipped base model that fits these pieces: "multitrack" when a quarter or more of them are ensembles (a
// drum track, or four or more tracks), "folk" otherwise (melodies, with chords or a bass). The Training panel's
// default "Start from" and `train --init auto`.
std::string fittingBaseModel(const std::vector<const Score*>& pieces);

// `nameOrPath` as a model file: an existing file as it is, else the base model of that name; empty when neither.
std::string resolveBaseModel(const std::string& nameOrPath);

// How a saved thing (an adapter, a project) names the model at `path`, for resolveBaseModel() to find it again: a
// base model by its name, so that it opens wherever that base is installed; any other model file by its absolute
// path.
std::string baseModelReference(const std::string& path);

}  // namespace nf
