#pragma once
// Shared helpers for the viewer's UI tests: an isolated QSettings store, small log files
// written on the fly, and waiting for background loads.

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <memory>
#include <string>

#include "core/finding.h"
#include "core/run.h"
#include "ui/load_controller.h"

namespace curvedoctor::ui::testing {

/// Points QSettings at a fresh temporary folder for the lifetime of the object, so a test
/// neither reads nor leaves the user's (or another test's) settings.
class SettingsSandbox {
public:
    SettingsSandbox() {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
        QSettings().clear();
    }
    [[nodiscard]] QString path() const { return m_dir.path(); }

private:
    QTemporaryDir m_dir;
};

inline QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& bytes) {
    const QString path = dir.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly)) return {};
    f.write(bytes);
    return path;
}

/// A Keras progress-bar log (what model.fit prints) of `epochs` epochs: loss falls as 2/(1+e)
/// with an alternating wiggle of 0.05 so smoothing visibly changes the curve; validation loss
/// falls, then rises after epoch 10 (an overfitting shape).
inline QByteArray kerasTextLog(int epochs) {
    QByteArray out;
    for (int e = 1; e <= epochs; ++e) {
        const double wiggle = (e % 2 == 0 ? -0.05 : 0.05);
        const double loss = 2.0 / (1.0 + e) + wiggle;
        const double val = 0.5 + 0.01 * (e - 10) * (e - 10) + wiggle;
        out += "Epoch " + QByteArray::number(e) + "/" + QByteArray::number(epochs) + "\n";
        out += "100/100 [==============================] - 1s 5ms/step - loss: " +
               QByteArray::number(loss, 'f', 4) +
               " - accuracy: " + QByteArray::number(1.0 - loss / 3.0, 'f', 4) +
               " - val_loss: " + QByteArray::number(val, 'f', 4) +
               " - val_accuracy: " + QByteArray::number(1.0 - val / 3.0, 'f', 4) + "\n";
    }
    return out;
}

/// Waits until `controller` reports a finished job (up to 20 s).
inline bool waitForLoad(LoadController& controller, QSignalSpy& finished) {
    if (!finished.isEmpty()) return true;
    return finished.wait(20000) || !controller.isBusy();
}

inline core::RunPtr makeRun(const std::string& name, int points) {
    auto run = std::make_shared<core::Run>();
    run->name = name;
    run->source = "/nonexistent/" + name + ".csv";
    run->format = "hand_made";
    core::Series loss;
    for (int i = 0; i < points; ++i) {
        loss.steps.push_back(i * 10);
        loss.values.push_back(1.0 / (1.0 + i) + (i % 3) * 0.01);
    }
    run->metrics["loss"] = loss;
    core::Series val = loss;
    for (std::size_t i = 0; i < val.values.size(); ++i) val.values.set(i, val.values[i] + 0.1);
    run->metrics["val_loss"] = val;
    return run;
}

inline core::Finding makeFinding(core::FindingKind kind, core::Severity severity,
                                 std::int64_t begin, std::int64_t end) {
    core::Finding f;
    f.kind = kind;
    f.severity = severity;
    f.metric = "val_loss";
    f.beginStep = begin;
    f.endStep = end;
    f.message = std::string(core::toString(kind)) + " between steps " + std::to_string(begin) +
                " and " + std::to_string(end);
    f.advice = "try something";
    return f;
}

}  // namespace curvedoctor::ui::testing
