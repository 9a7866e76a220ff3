// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QRectF>

#include <unordered_map>
#include <vector>

class QPainter;

namespace nf {

// Note rectangles grouped by how they are drawn (fill colour and frame), so a screen with thousands of notes costs
// a few drawRects calls instead of one styled call per note: what keeps 20,000 visible notes within a frame.
class NoteBatches {
public:
    enum class Frame { None, Thin, Selected };

    void add(QRgb fill, Frame frame, const QRectF& rect);
    std::size_t size() const { return count_; }
    // Level of detail: while few notes are visible they get rounded corners and a thin frame; with thousands
    // on screen (where neither is visible anyway) plain fills, one pixel apart, keep a frame within 16 ms.
    void draw(QPainter& painter, const QColor& selectedFrame, bool rounded) const;
    static constexpr std::size_t kDetailLimit = 3000;

private:
    struct Batch {
        QRgb fill;
        Frame frame;
        std::vector<QRectF> rects;
    };
    std::vector<Batch> batches_;  // in first-use order, so later (active, selected) styles draw on top
    std::unordered_map<quint64, std::size_t> index_;
    std::size_t count_ = 0;
    mutable std::vector<QRectF> thinned_;
};

}  // namespace nf
