// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/WelcomePanel.h"

#include <QCommandLinkButton>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QBoxLayout>

namespace nf {

WelcomePanel::WelcomePanel(QWidget* parent) : QWidget(parent) {
    setObjectName("welcomePanel");
    // A banner over the whole window: the five steps side by side read as the path they are.
    grid_ = new QGridLayout(this);
    QGridLayout* grid = grid_;
    grid->setContentsMargins(8, 4, 8, 4);
    grid->setVerticalSpacing(2);
    auto* intro = intro_ = new QLabel(tr("<b>Welcome to NoteForge.</b> Five steps make a new piece from a folder of music (the "
                                "bundled demo tunes open on a first start). Each button does its step."));
    intro->setWordWrap(true);
    grid->addWidget(intro, 0, 0, 1, kStepCount);

    struct Text {
        QString title, description;
    };
    const std::array<Text, kStepCount> texts = {{
        {tr("1. Open data"), tr("A folder of MIDI or ABC files (or drop one here)")},
        {tr("2. Train"), tr("A base model learns the style; watch its loss fall")},
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
        descriptions_[static_cast<std::size_t>(i)] = t.description;
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
    side_ = new QBoxLayout(QBoxLayout::TopToBottom);
    QBoxLayout* side = side_;
    side->addWidget(close_);
    side->addWidget(demo_);
    side->addWidget(exportAudio_);
    sound_ = new QLabel(this);
    sound_->setWordWrap(true);
    sound_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    placeRows();
}

void WelcomePanel::setCompact(bool compact) {
    if (compact == compact_) return;
    compact_ = compact;
    for (std::size_t i = 0; i < buttons_.size(); ++i)
        if (buttons_[i]->isEnabled()) buttons_[i]->setDescription(compact ? QString() : descriptions_[i]);
    placeRows();
    fitHeight();
}

void WelcomePanel::fitHeight() {
    // The dock keeps the height the full guide had unless told otherwise: the compact guide is no taller than it
    // needs to be, measured again whenever its texts change (the sound line arrives after the window shows).
    layout()->invalidate();
    layout()->activate();
    setMaximumHeight(compact_ ? sizeHint().height() : QWIDGETSIZE_MAX);
}

void WelcomePanel::placeRows() {
    // Full: the intro over the steps, the buttons stacked at the right, the sound line under the steps.
    // Compact: no intro, the steps with their titles only (the description stays in the tooltip), and the sound
    // line and the buttons side by side under them: about half the height.
    grid_->removeWidget(sound_);
    grid_->removeItem(side_);
    intro_->setVisible(!compact_);
    side_->setDirection(compact_ ? QBoxLayout::LeftToRight : QBoxLayout::TopToBottom);
    if (compact_) {
        grid_->addWidget(sound_, 2, 0, 1, 3);
        grid_->addLayout(side_, 2, 3, 1, kStepCount - 3);
    } else {
        grid_->addWidget(sound_, 2, 0, 1, kStepCount);
        grid_->addLayout(side_, 0, kStepCount, 3, 1, Qt::AlignTop);
    }
}

void WelcomePanel::setDone(Step step, bool done) {
    const auto i = static_cast<std::size_t>(step);
    done_[i] = done;
    buttons_[i]->setText(done ? titles_[i] + QString::fromUtf8("  \u2713") : titles_[i]);
}

void WelcomePanel::setUnavailable(Step step, const QString& why, const QString& details) {
    QCommandLinkButton* b = stepButton(step);
    b->setEnabled(false);
    descriptions_[static_cast<std::size_t>(step)] = why;
    b->setDescription(why);  // kept in the compact guide too: it says why the step is grey
    fitHeight();
    b->setToolTip(details.isEmpty() ? why : details);
    b->setStatusTip(details.isEmpty() ? why : details);
}

void WelcomePanel::setSoundNote(const QString& text) {
    sound_->setText(text);
    fitHeight();
}

}  // namespace nf
