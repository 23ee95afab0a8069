#include "ui/run_summary.h"

#include <QCoreApplication>
#include <QLocale>

#include "ui/run_store.h"

namespace curvedoctor::ui {

QString runSummaryText(const RunStore& store, bool loading) {
    const auto tr = [](const char* text, int n = -1) {
        return QCoreApplication::translate("MainWindow", text, nullptr, n);
    };
    const int runs = store.count();
    if (runs == 0) return loading ? tr("Loading…") : tr("No runs open. Drop logs on the window.");
    std::size_t points = 0;
    std::size_t metrics = 0;
    int counts[3] = {0, 0, 0};
    for (const RunEntry& e : store.entries()) {
        points += e.run->pointCount();
        metrics += e.run->metrics.size();
        for (const auto& f : e.diagnosis.findings) ++counts[static_cast<int>(f.severity)];
    }
    const QLocale locale;
    QString text = tr("%n run(s)", runs) + QStringLiteral(" · ") +
                   tr("%n metric(s)", static_cast<int>(metrics)) + QStringLiteral(" · ") +
                   tr("%1 points").arg(locale.toString(static_cast<qulonglong>(points))) +
                   QStringLiteral(" · ");
    if (counts[2] + counts[1] + counts[0] == 0)
        text += tr("no findings");
    else
        text += tr("%n error(s)", counts[2]) + QStringLiteral(", ") +
                tr("%n warning(s)", counts[1]) + QStringLiteral(", ") + tr("%n note(s)", counts[0]);
    return text;
}

}  // namespace curvedoctor::ui
