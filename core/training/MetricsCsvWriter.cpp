// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/MetricsCsvWriter.h"

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace nf {

namespace {
std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.6g", v);
    return buf;
}
std::string optionalNumber(const std::optional<double>& v) { return v ? number(*v) : std::string(); }
}  // namespace

MetricsCsvWriter::MetricsCsvWriter(const std::string& path) : path_(path) {
    file_ = std::fopen(path.c_str(), "w");
    if (!file_) throw std::runtime_error(path + ": cannot create the metrics file: " + std::strerror(errno));
    std::fprintf(file_, "%s\n", kHeader);
    std::fflush(file_);
}

MetricsCsvWriter::~MetricsCsvWriter() {
    if (file_) std::fclose(file_);
}

std::string MetricsCsvWriter::formatRow(const MetricsRow& r) {
    // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on long chains of string operator+.
    std::string line;
    line.append(std::to_string(r.epoch)).append(",");
    if (r.step) line.append(std::to_string(*r.step));
    for (const std::string& field : {number(r.wallSeconds), number(r.trainLoss), number(r.trainAccuracy),
                                     optionalNumber(r.valLoss), optionalNumber(r.valAccuracy),
                                     optionalNumber(r.valPerplexity), number(r.tokensPerSecond), number(r.learningRate),
                                     optionalNumber(r.criticLoss)})
        line.append(",").append(field);
    return line;
}

void MetricsCsvWriter::onStart(const TrainingStart& start) {
    for (const auto& row : start.history) std::fprintf(file_, "%s\n", formatRow(row).c_str());
    std::fflush(file_);
}

void MetricsCsvWriter::onMetrics(const MetricsRow& row) {
    std::fprintf(file_, "%s\n", formatRow(row).c_str());
    std::fflush(file_);
}

}  // namespace nf
