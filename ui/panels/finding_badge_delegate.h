#pragma once
/// \file finding_badge_delegate.h
/// Paints a run's findings as small rounded badges, one per severity present, each in the
/// severity colour with its count ("2" on red, "1" on amber). "ok" in grey when there are none.

#include <QStyledItemDelegate>

namespace curvedoctor::ui {

class FindingBadgeDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    /// `countsRole` holds QList<int>{info, warning, error}.
    explicit FindingBadgeDelegate(int countsRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    [[nodiscard]] QSize sizeHint(const QStyleOptionViewItem& option,
                                 const QModelIndex& index) const override;

private:
    int m_countsRole;
};

}  // namespace curvedoctor::ui
