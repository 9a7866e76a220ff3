// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/NoteBatches.h"

#include <QPainter>

namespace nf {

void NoteBatches::add(QRgb fill, Frame frame, const QRectF& rect) {
    const quint64 key = (static_cast<quint64>(fill) << 2) | static_cast<quint64>(frame);
    auto [it, inserted] = index_.try_emplace(key, batches_.size());
    if (inserted) batches_.push_back({fill, frame, {}});
    batches_[it->second].rects.push_back(rect);
    ++count_;
}

void NoteBatches::draw(QPainter& p, const QColor& selectedFrame, bool rounded) const {
    const bool detailed = count_ <= kDetailLimit;
    const bool roundNow = rounded && detailed;
    // Selected notes go last, over everything else.
    for (int pass = 0; pass < 2; ++pass) {
        for (const Batch& b : batches_) {
            if ((b.frame == Frame::Selected) != (pass == 1)) continue;
            const QColor fill = QColor::fromRgba(b.fill);
            p.setBrush(fill);
            switch (detailed || b.frame == Frame::Selected ? b.frame : Frame::None) {
                case Frame::None: p.setPen(Qt::NoPen); break;
                case Frame::Thin: {
                    // Cosmetic: the raster engine's fast one-pixel line path instead of the general stroker.
                    QPen pen(fill.darker(170), 1);
                    pen.setCosmetic(true);
                    p.setPen(pen);
                    break;
                }
                case Frame::Selected: p.setPen(QPen(selectedFrame, 2)); break;
            }
            if (roundNow) {
                for (const QRectF& r : b.rects) p.drawRoundedRect(r, 2, 2);
            } else if (detailed || b.frame == Frame::Selected) {
                p.drawRects(b.rects.data(), static_cast<int>(b.rects.size()));
            } else {
                // Without frames, a one-pixel gap keeps repeated notes apart.
                thinned_.clear();
                for (const QRectF& r : b.rects) thinned_.push_back(r.width() > 2 ? r.adjusted(0, 0, -1, 0) : r);
                p.drawRects(thinned_.data(), static_cast<int>(thinned_.size()));
            }
        }
    }
}

}  // namespace nf
