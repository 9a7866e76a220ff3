// SPDX-License-Identifier: GPL-3.0-or-later
// The keyboard names its octaves: every C in view carries its name (C3, C4, ...) in the white part of the key,
// and no other key does, so a musician finds middle C without counting keys.
#include <QImage>

#include <gtest/gtest.h>

#include "UiTestUtil.h"
#include "pianoroll/PianoKeyboard.h"
#include "pianoroll/PianoRollView.h"

namespace nf {

namespace {
// Pixels of text in a key's row: darker than the key's white and the grey separator lines, in the part of the
// row right of the black keys, where only the label can be dark.
int textPixelsInRow(const QImage& image, const PianoRollGeometry& g, int pitch) {
    int count = 0;
    const int top = static_cast<int>(g.pitchToY(pitch)) + 1, bottom = static_cast<int>(g.pitchToY(pitch) + g.keyHeight()) - 1;
    for (int y = std::max(0, top); y < std::min(image.height(), bottom); ++y)
        for (int x = static_cast<int>(image.width() * 0.66); x < image.width() - 8; ++x)
            count += qGray(image.pixel(x, y)) < 150;
    return count;
}
}  // namespace

TEST(PianoKeyboard, EveryCInViewIsNamedAndNoOtherKey) {
    PianoRollView view;
    view.resize(800, 600);
    view.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&view));
    PianoRollGeometry& g = view.geometry();
    g.setKeyHeight(14);
    g.setScrollY(g.pitchToY(72) + g.scrollY());  // C5 at the top
    PianoKeyboard* keyboard = view.keyboard();
    keyboard->update();
    const QImage image = keyboard->grab().toImage();
    int named = 0;
    for (int pitch = g.yToPitch(keyboard->height() - 1) + 1; pitch < g.yToPitch(0); ++pitch) {
        const int text = textPixelsInRow(image, g, pitch);
        if (pitch % 12 == 0) {
            EXPECT_GT(text, 5) << "C" << pitch / 12 - 1 << " (" << pitch << ") has no label";
            ++named;
        } else {
            EXPECT_EQ(text, 0) << "key " << pitch << " is labelled";
        }
    }
    EXPECT_GE(named, 2) << "the test saw fewer than two octaves";
}

}  // namespace nf
