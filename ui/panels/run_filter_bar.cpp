#include "ui/panels/run_filter_bar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QMenu>
#include <QToolButton>
#include <vector>

#include "core/finding_kind.h"
#include "ui/run_filter.h"
#include "ui/run_store.h"

namespace curvedoctor::ui {

RunFilterBar::RunFilterBar(RunStore& store, RunFilter& filter, QWidget* parent)
    : QWidget(parent),
      m_store(store),
      m_filter(filter),
      m_kind(new QComboBox(this)),
      m_hparam(new QLineEdit(this)) {
    m_kind->setObjectName(QStringLiteral("findingKindFilter"));
    m_kind->addItem(tr("All runs"), -1);
    for (const core::FindingKindInfo& k : core::findingKinds())
        m_kind->addItem(
            tr("Runs with %1")
                .arg(QString::fromUtf8(k.id.data(), static_cast<qsizetype>(k.id.size()))),
            static_cast<int>(k.kind));
    m_kind->setToolTip(tr("Show only the runs with a finding of this kind"));
    m_hparam->setObjectName(QStringLiteral("hyperparameterFilter"));
    m_hparam->setPlaceholderText(tr("hyperparameter=value"));
    m_hparam->setClearButtonEnabled(true);
    m_hparam->setToolTip(tr("Show only the runs whose hyperparameter has this value (lr=0.001)"));

    // One row, so the run list keeps its height: the visibility actions sit in a menu.
    auto* show = new QToolButton(this);
    show->setObjectName(QStringLiteral("visibilityMenu"));
    show->setText(tr("Show"));
    show->setToolTip(tr("Show all, hide all, or show only the current run"));
    show->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(show);
    menu->addAction(tr("Show All Runs"), this, &RunFilterBar::showAll);
    menu->addAction(tr("Hide All Runs"), this, &RunFilterBar::hideAll);
    m_only = menu->addAction(tr("Show Only the Current Run"), this, &RunFilterBar::showOnlyCurrent);
    m_only->setEnabled(false);
    show->setMenu(menu);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 0);
    layout->setSpacing(4);
    layout->addWidget(m_kind, 3);
    layout->addWidget(m_hparam, 2);
    layout->addWidget(show);

    connect(m_kind, &QComboBox::currentIndexChanged, this, [this] {
        const int k = m_kind->currentData().toInt();
        m_filter.setFindingKind(k < 0 ? std::nullopt
                                      : std::optional(static_cast<core::FindingKind>(k)));
    });
    connect(m_hparam, &QLineEdit::textChanged, this, &RunFilterBar::applyHyperparameter);
}

void RunFilterBar::applyHyperparameter() {
    const QString text = m_hparam->text();
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    // "lr" alone (no '=' yet) filters nothing: the user is still typing.
    if (eq <= 0)
        m_filter.setHyperparameter({}, {});
    else
        m_filter.setHyperparameter(text.left(eq), text.mid(eq + 1));
}

void RunFilterBar::setCurrentRun(int id) {
    m_current = id;
    m_only->setEnabled(m_store.rowOfId(id) >= 0);
}

void RunFilterBar::showAll() {
    m_store.setAllVisible(std::vector<bool>(static_cast<std::size_t>(m_store.count()), true));
}

void RunFilterBar::hideAll() {
    m_store.setAllVisible(std::vector<bool>(static_cast<std::size_t>(m_store.count()), false));
}

void RunFilterBar::showOnlyCurrent() {
    const int row = m_store.rowOfId(m_current);
    if (row < 0) return;
    std::vector<bool> visible(static_cast<std::size_t>(m_store.count()), false);
    visible[static_cast<std::size_t>(row)] = true;
    m_store.setAllVisible(visible);
}

}  // namespace curvedoctor::ui
