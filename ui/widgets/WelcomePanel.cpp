// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/WelcomePanel.h"

#include <QCommandLinkButton>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace nf {

WelcomePanel::WelcomePanel(QWidget* parent) : QWidget(parent) {
    setObjectName("welcomePanel");
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(8, 8, 8, 8);
    auto* intro = new QLabel(tr("<b>Welcome to NoteForge.</b> The demo tunes are open. Five steps make a new piece:"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    struct Text {
        QString title, description;
    };
    const std::array<Text, kStepCount> texts = {{
        {tr("1. Open data"), tr("A folder of MIDI files or ABC tunes (Ctrl+O), or drop it on the window")},
        {tr("2. Train"), tr("Teach an LSTM the style; watch the loss fall in the Training panel")},
        {tr("3. Generate"), tr("New pieces from the model; each opens in the piano roll")},
        {tr("4. Listen"), tr("Play the piece (Space); edit notes in the piano roll")},
        {tr("5. Export"), tr("Save the piece as a MIDI file for a DAW or notation program")},
    }};
    for (int i = 0; i < kStepCount; ++i) {
        const auto& t = texts[static_cast<std::size_t>(i)];
        auto* b = new QCommandLinkButton(t.title, t.description, content);
        b->setObjectName(QString("welcomeStep%1").arg(i + 1));
        b->setToolTip(t.description);
        b->setStatusTip(t.description);
        titles_[static_cast<std::size_t>(i)] = t.title;
        buttons_[static_cast<std::size_t>(i)] = b;
        connect(b, &QCommandLinkButton::clicked, this, [this, i] { emit stepRequested(static_cast<Step>(i)); });
        layout->addWidget(b);
    }
    exportAudio_ = new QPushButton(tr("Export audio (WAV, FLAC, OGG, MP3)..."), content);
    exportAudio_->setToolTip(tr("Render the piece with the soundfont to an audio file"));
    exportAudio_->setStatusTip(exportAudio_->toolTip());
    connect(exportAudio_, &QPushButton::clicked, this, &WelcomePanel::exportAudioRequested);
    layout->addWidget(exportAudio_, 0, Qt::AlignLeft);

    sound_ = new QLabel(content);
    sound_->setWordWrap(true);
    sound_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(sound_);
    layout->addStretch(1);

    auto* buttons = new QHBoxLayout;
    demo_ = new QPushButton(tr("Open the Demo Tunes"), content);
    demo_->setToolTip(tr("Open the bundled demo dataset again"));
    demo_->setStatusTip(demo_->toolTip());
    connect(demo_, &QPushButton::clicked, this, &WelcomePanel::demoRequested);
    close_ = new QPushButton(tr("Close Guide"), content);
    close_->setToolTip(tr("Hide this guide; Help > Welcome Guide brings it back"));
    close_->setStatusTip(close_->toolTip());
    connect(close_, &QPushButton::clicked, this, &WelcomePanel::closeRequested);
    buttons->addWidget(demo_);
    buttons->addStretch(1);
    buttons->addWidget(close_);
    layout->addLayout(buttons);

    // Scrolls rather than squeezing the buttons when the dock is short.
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

void WelcomePanel::setDone(Step step, bool done) {
    const auto i = static_cast<std::size_t>(step);
    done_[i] = done;
    buttons_[i]->setText(done ? titles_[i] + QString::fromUtf8("  \u2713") : titles_[i]);
}

void WelcomePanel::setUnavailable(Step step, const QString& why) {
    QCommandLinkButton* b = stepButton(step);
    b->setEnabled(false);
    b->setDescription(why);
    b->setToolTip(why);
    b->setStatusTip(why);
}

void WelcomePanel::setSoundNote(const QString& text) { sound_->setText(text); }

}  // namespace nf
