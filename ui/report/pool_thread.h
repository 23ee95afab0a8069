#pragma once
/// \file pool_thread.h
/// Runs offscreen painting on a thread of Qt's global thread pool.
///
/// Qt 6.4's raster engine hands every batch of more than 96 spans to
/// QThreadPool::globalInstance() in 64-span pieces and waits for them (QT_THREAD_PARALLEL_FILLS
/// in qdrawhelper.cpp). Antialiased curves are thousands of such batches of tiny spans, so a
/// report spent more time waking threads than drawing (half its time in futex wake-ups on this
/// machine). Painting from a thread of that pool makes the engine fill on the spot.

#include <QSemaphore>
#include <QThread>
#include <QThreadPool>
#include <utility>

namespace curvedoctor::ui {

/// Runs `job` on a pool thread and returns when it has finished (on the calling thread when it
/// already is one). Whatever `job` creates (charts, scenes, images) it must create itself, and
/// it must not touch widgets. Qt Charts measures text with a process-wide static item: only a
/// process that draws no charts on any other thread (the `report` command) may draw charts in
/// `job`.
template <typename Job>
void runOnPoolThread(Job&& job) {
    QThreadPool* pool = QThreadPool::globalInstance();
    if (pool->contains(QThread::currentThread())) {
        std::forward<Job>(job)();
        return;
    }
    QSemaphore done;
    pool->start([&] {
        job();
        done.release();
    });
    done.acquire();
}

}  // namespace curvedoctor::ui
