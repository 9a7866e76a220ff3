// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include <array>

class QBoxLayout;
class QCommandLinkButton;
class QGridLayout;
class QLabel;
class QPushButton;

namespace nf {

// The first-start guide: the five steps of the round trip (open data, train, generate, listen, export), each a
// button that does it, with a tick once it has been done. It only asks; StudioWelcome connects it to the studio.
class WelcomePanel : public QWidget {
    Q_OBJECT
public:
    enum class Step { OpenData, Train, Generate, Listen, Export };
    static constexpr int kStepCount = 5;

    explicit WelcomePanel(QWidget* parent = nullptr);

    QCommandLinkButton* stepButton(Step step) const { return buttons_[static_cast<std::size_t>(step)]; }
    QPushButton* exportAudioButton() const { return exportAudio_; }
    QPushButton* demoButton() const { return demo_; }
    QPushButton* closeButton() const { return close_; }
    bool isDone(Step step) const { return done_[static_cast<std::size_t>(step)]; }
    bool isCompact() const { return compact_; }

public slots:
    void setDone(nf::WelcomePanel::Step step, bool done = true);
    // A step this build cannot do (no training module, no sound): greyed out, saying why in a few words under it
    // (the banner must stay short on a 1280x720 screen), with `details` in its tooltip when given.
    void setUnavailable(nf::WelcomePanel::Step step, const QString& why, const QString& details = {});
    // The line under the steps: which soundfont plays, and why that one.
    void setSoundNote(const QString& text);
    // Compact: the steps without their descriptions and no intro, for short windows (1280x720), where the full
    // guide would take the rows the piano roll needs.
    void setCompact(bool compact);

signals:
    void stepRequested(nf::WelcomePanel::Step step);
    void exportAudioRequested();
    void demoRequested();
    void closeRequested();

private:
    void placeRows();
    void fitHeight();

    std::array<QCommandLinkButton*, kStepCount> buttons_{};
    std::array<QString, kStepCount> descriptions_;
    std::array<QString, kStepCount> titles_;
    std::array<bool, kStepCount> done_{};
    QPushButton* exportAudio_;
    QPushButton* demo_;
    QPushButton* close_;
    QLabel* sound_;
    QLabel* intro_;
    QGridLayout* grid_;
    QBoxLayout* side_;
    bool compact_ = false;
};

}  // namespace nf
