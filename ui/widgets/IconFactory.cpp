// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/IconFactory.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace nf::IconFactory {

namespace {

const char* themeName(Icon which) {
    switch (which) {
        case Icon::OpenFolder: return "folder-open";
        case Icon::OpenFile: return "document-open";
        case Icon::Undo: return "edit-undo";
        case Icon::Redo: return "edit-redo";
        case Icon::ZoomIn: return "zoom-in";
        case Icon::ZoomOut: return "zoom-out";
        case Icon::ZoomFit: return "zoom-fit-best";
        case Icon::Play: return "media-playback-start";
        case Icon::Stop: return "media-playback-stop";
        case Icon::Rewind: return "media-skip-backward";
        case Icon::Loop: return "media-playlist-repeat";
        default: return nullptr;
    }
}

void drawArrowCurve(QPainter& p, bool redo) {
    // A curved arrow: left-pointing for undo, mirrored for redo.
    p.save();
    if (redo) {
        p.translate(24, 0);
        p.scale(-1, 1);
    }
    QPainterPath arc;
    arc.moveTo(6, 10);
    arc.cubicTo(10, 5, 20, 5, 20, 13);
    arc.cubicTo(20, 17, 17, 19, 13, 19);
    p.setBrush(Qt::NoBrush);
    p.drawPath(arc);
    QPainterPath head;
    head.moveTo(3, 10);
    head.lineTo(9, 5);
    head.lineTo(9, 14);
    head.closeSubpath();
    p.setBrush(p.pen().color());
    p.drawPath(head);
    p.restore();
}

void drawMagnifier(QPainter& p, const QString& sign) {
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(QPointF(10, 10), 6.5, 6.5);
    p.drawLine(QPointF(15, 15), QPointF(21, 21));
    if (sign.contains('-') || sign.contains('+')) p.drawLine(QPointF(7, 10), QPointF(13, 10));
    if (sign.contains('+')) p.drawLine(QPointF(10, 7), QPointF(10, 13));
    if (sign == "fit") {
        p.drawRect(QRectF(7, 7.5, 6, 5));
    }
}

QPixmap paint(Icon which) {
    QPixmap pm(24, 24);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QColor ink(60, 64, 72);
    p.setPen(QPen(ink, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    switch (which) {
        case Icon::App: {
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(52, 101, 164));
            p.drawRoundedRect(QRectF(1, 1, 22, 22), 5, 5);
            p.setBrush(QColor(255, 196, 61));
            p.drawRect(QRectF(4, 14, 7, 3));
            p.drawRect(QRectF(9, 9, 6, 3));
            p.drawRect(QRectF(14, 5, 6, 3));
            p.setBrush(Qt::white);
            p.drawRect(QRectF(12, 17, 8, 3));
            break;
        }
        case Icon::OpenFolder:
        case Icon::OpenFile: {
            p.setBrush(which == Icon::OpenFolder ? QColor(240, 190, 80) : QColor(245, 245, 245));
            if (which == Icon::OpenFolder) {
                QPainterPath f;
                f.moveTo(2, 6);
                f.lineTo(9, 6);
                f.lineTo(11, 8);
                f.lineTo(22, 8);
                f.lineTo(22, 20);
                f.lineTo(2, 20);
                f.closeSubpath();
                p.drawPath(f);
            } else {
                p.drawRect(QRectF(5, 3, 14, 18));
                p.drawLine(QPointF(8, 9), QPointF(16, 9));
                p.drawLine(QPointF(8, 13), QPointF(16, 13));
            }
            break;
        }
        case Icon::Undo: drawArrowCurve(p, false); break;
        case Icon::Redo: drawArrowCurve(p, true); break;
        case Icon::Select: {
            QPainterPath arrow;
            arrow.moveTo(6, 3);
            arrow.lineTo(6, 19);
            arrow.lineTo(10, 15);
            arrow.lineTo(13, 21);
            arrow.lineTo(15.5, 20);
            arrow.lineTo(12.5, 14);
            arrow.lineTo(18, 14);
            arrow.closeSubpath();
            p.setPen(QPen(ink, 1.5));
            p.setBrush(Qt::white);
            p.drawPath(arrow);
            break;
        }
        case Icon::Draw: {
            p.translate(12, 12);
            p.rotate(45);
            p.setBrush(QColor(250, 200, 70));
            p.drawRect(QRectF(-3, -10, 6, 15));
            QPainterPath tip;
            tip.moveTo(-3, 5);
            tip.lineTo(3, 5);
            tip.lineTo(0, 10);
            tip.closeSubpath();
            p.setBrush(QColor(230, 200, 160));
            p.drawPath(tip);
            break;
        }
        case Icon::Erase: {
            p.translate(12, 12);
            p.rotate(-40);
            p.setBrush(QColor(240, 120, 140));
            p.drawRoundedRect(QRectF(-8, -5, 11, 10), 2, 2);
            p.setBrush(Qt::white);
            p.drawRoundedRect(QRectF(3, -5, 6, 10), 2, 2);
            break;
        }
        case Icon::ZoomIn: drawMagnifier(p, "+"); break;
        case Icon::ZoomOut: drawMagnifier(p, "-"); break;
        case Icon::ZoomFit: drawMagnifier(p, "fit"); break;
        case Icon::Play: {
            QPainterPath tri;
            tri.moveTo(7, 4);
            tri.lineTo(19, 12);
            tri.lineTo(7, 20);
            tri.closeSubpath();
            p.setBrush(QColor(46, 140, 60));
            p.setPen(QPen(QColor(30, 100, 40), 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            p.drawPath(tri);
            break;
        }
        case Icon::Stop:
            p.setBrush(ink);
            p.drawRoundedRect(QRectF(6, 6, 12, 12), 1.5, 1.5);
            break;
        case Icon::Rewind: {
            p.drawLine(QPointF(6, 5), QPointF(6, 19));
            QPainterPath tri;
            tri.moveTo(19, 5);
            tri.lineTo(9, 12);
            tri.lineTo(19, 19);
            tri.closeSubpath();
            p.setBrush(ink);
            p.drawPath(tri);
            break;
        }
        case Icon::Loop: {
            p.setBrush(Qt::NoBrush);
            p.drawRoundedRect(QRectF(4, 7, 16, 10), 5, 5);
            QPainterPath head;
            head.moveTo(13, 4);
            head.lineTo(17, 7);
            head.lineTo(13, 10);
            p.drawPath(head);
            break;
        }
        case Icon::Quantize: {
            p.setPen(QPen(ink, 1, Qt::DotLine));
            for (int x : {4, 10, 16, 22}) p.drawLine(x, 2, x, 22);
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(52, 101, 164));
            p.drawRect(QRectF(4, 6, 6, 4));
            p.drawRect(QRectF(10, 14, 12, 4));
            break;
        }
    }
    return pm;
}

}  // namespace

QIcon icon(Icon which) {
    if (const char* name = themeName(which); name && QIcon::hasThemeIcon(name)) return QIcon::fromTheme(name);
    return QIcon(paint(which));
}

}  // namespace nf::IconFactory
