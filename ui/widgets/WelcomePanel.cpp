// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/WelcomePanel.h"

#include <QCommandLinkButton>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace nf {

WelcomePanel::WelcomePanel(QWidget* parent) : QWidget(parent) {
    setObjectName("welcomePanel");
    // A banner over the whole window: the five steps side by side read as the path they are.
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(8, 4, 8, 4);
    grid->setVerticalSpacing(2);
    auto* intro = new QLabel(tr("<b>Welcome to NoteForge.</b> Five steps make a new piece from a folder of music (the "
                                "bundled demo tunes open on a first start). Each button does its step."));
    intro->setWordWrap(true);
    grid->addWidget(intro, 0, 0, 1, kStepCount);

    struct Text {
        QString title, description;
    };
    const std::array<Text, kStepCount> texts = {{
        {tr("1. Open data"), tr("A folder of MIDI or ABC files (or drop one here)")},
        {tr("2. Train"), tr("Teach an LSTM the style; watch its loss fall")},
        {tr("3. Generate"), tr("New pieces from the model, into the piano roll")},
        {tr("4. Listen"), tr("Play the piece (Space), then edit its notes")},
        {tr("5. Export"), tr("Save it as a MIDI file for a DAW or a score")},
    }};
    for (int i = 0; i < kStepCount; ++i) {
        const auto& t = texts[static_cast<std::size_t>(i)];
        auto* b = new QCommandLinkButton(t.title, t.description, this);
        b->setObjectName(QString("welcomeStep%1").arg(i + 1));
        b->setToolTip(t.description);
        b->setStatusTip(t.description);
        titles_[static_cast<std::size_t>(i)] = t.title;
        buttons_[static_cast<std::size_t>(i)] = b;
        connect(b, &QCommandLinkButton::clicked, this, [this, i] { emit stepRequested(static_cast<Step>(i)); });
        grid->addWidget(b, 1, i);
        grid->setColumnStretch(i, 1);
    }

    exportAudio_ = new QPushButton(tr("Export Audio..."), this);
    exportAudio_->setToolTip(tr("Render the piece with the soundfont to WAV, FLAC, OGG or MP3"));
    exportAudio_->setStatusTip(exportAudio_->toolTip());
    connect(exportAudio_, &QPushButton::clicked, this, &WelcomePanel::exportAudioRequested);
    demo_ = new QPushButton(tr("Open the Demo Tunes"), this);
    demo_->setToolTip(tr("Open the bundled demo dataset again"));
    demo_->setStatusTip(demo_->toolTip());
    connect(demo_, &QPushButton::clicked, this, &WelcomePanel::demoRequested);
    close_ = new QPushButton(tr("Close Guide"), this);
    close_->setToolTip(tr("Hide this guide; Help > Welcome Guide brings it back"));
    close_->setStatusTip(close_->toolTip());
    connect(close_, &QPushButton::clicked, this, &WelcomePanel::closeRequested);
    auto* side = new QVBoxLayout;
    side->addWidget(close_);
    side->addWidget(demo_);
    side->addWidget(exportAudio_);
    side->addStretch(1);
    grid->addLayout(side, 0, kStepCount, 3, 1);

    sound_ = new QLabel(this);
    sound_->setWordWrap(true);
    sound_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(sound_, 2, 0, 1, kStepCount);
}

void WelcomePanel::setDone(Step step, bool done) {
    const auto i = static_cast<std::size_t>(step);
    done_[i] = done;
    buttons_[i]->setText(done ? titles_[i] + QString::fromUtf8("  \u2713") : titles_[i]);
}

void WelcomePanel::setUnavailable(Step step, const QString& why, const QString& details) {
    QCommandLinkButton* b = stepButton(step);
    b->setEnabled(false);
    b->setDescription(why);
    b->setToolTip(details.isEmpty() ? why : details);
    b->setStatusTip(details.isEmpty() ? why : details);
}

void WelcomePanel::setSoundNote(const QString& text) { sound_->setText(text); }

}  // namespace nf
