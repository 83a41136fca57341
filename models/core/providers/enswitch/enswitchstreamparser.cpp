#include "enswitchenvelope.h"
#include "enswitchparser.h"

#include <QThreadPool>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

using EnswitchEnvelope::EnvelopeReader;
using EnswitchEnvelope::Json;

namespace {

// Chunks handed from the reading thread to the parsing thread.
struct ChunkQueue {
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<QByteArray> chunks;
    bool closed = false; // no more bytes will come
    bool aborted = false; // the page is abandoned: stop at the next chunk
    bool done = false; // the parsing thread has returned
};

// What nlohmann's lexer reads from, one character per call. The current chunk
// is walked with two pointers, so a character costs a compare and a load; only
// at a chunk's end is the queue locked, waiting for the next one. Blocks the
// parsing thread only, never the one feeding.
class ChunkInput {
public:
    using char_type = char;
    using int_type = std::char_traits<char>::int_type;

    explicit ChunkInput(ChunkQueue &queue)
        : m_queue(&queue)
    {
    }

    int_type get_character()
    {
        if (m_next != m_end) [[likely]]
            return std::char_traits<char>::to_int_type(*m_next++);
        return refill();
    }

private:
    int_type refill()
    {
        std::unique_lock lock(m_queue->mutex);
        for (;;) {
            m_queue->changed.wait(
                lock, [this] { return m_queue->aborted || m_queue->closed || !m_queue->chunks.empty(); });
            if (m_queue->aborted || m_queue->chunks.empty())
                return std::char_traits<char>::eof(); // end of input: the parser stops on its own
            // The bytes stay where the QByteArray put them when it is moved, so
            // the pointers survive the lexer moving this adapter.
            m_chunk = std::move(m_queue->chunks.front());
            m_queue->chunks.pop_front();
            if (m_chunk.isEmpty())
                continue;
            m_next = m_chunk.constData();
            m_end = m_next + m_chunk.size();
            return std::char_traits<char>::to_int_type(*m_next++);
        }
    }

    ChunkQueue *m_queue;
    QByteArray m_chunk;
    const char *m_next = nullptr;
    const char *m_end = nullptr;
};

// Threads kept between pages, so a search of many pages does not start a
// thread for each. A parser waits for its bytes, so these must not be the
// global pool's threads, which wait in finish() for the parsers.
QThreadPool &parserThreads()
{
    static QThreadPool pool;
    static const bool configured = [] {
        pool.setMaxThreadCount(8);
        pool.setExpiryTimeout(30000);
        return true;
    }();
    Q_UNUSED(configured)
    return pool;
}

// Runs the same SAX reader as parsePage on a pool thread, pulling the body
// from a queue as the reply delivers it: rows build up while bytes arrive.
class StreamPageParser final : public PageStreamParser {
    static constexpr qsizetype kPieceSize = 64 * 1024;

public:
    StreamPageParser()
    {
        // A pool that is full would leave this page waiting behind pages that
        // wait for their finish(): then it gets a thread of its own.
        if (!parserThreads().tryStart([this] { run(); }))
            m_ownThread = std::thread([this] { run(); });
    }

    ~StreamPageParser() override
    {
        {
            const std::lock_guard lock(m_queue.mutex);
            m_queue.aborted = true;
            m_queue.chunks.clear();
        }
        m_queue.changed.notify_all();
        // The worker stops at its current piece's end, so this wait is short.
        waitForWorker();
    }

    void feed(QByteArrayView chunk) override
    {
        if (chunk.isEmpty())
            return;
        {
            const std::lock_guard lock(m_queue.mutex);
            if (m_queue.closed || m_queue.aborted)
                return;
            // Bounded pieces: an abort is seen within one piece, so the wait in
            // the destructor never lasts a whole large chunk.
            for (qsizetype at = 0; at < chunk.size(); at += kPieceSize)
                m_queue.chunks.emplace_back(chunk.data() + at, std::min(kPieceSize, chunk.size() - at));
        }
        m_queue.changed.notify_all();
    }

    PageResult finish() override
    {
        {
            const std::lock_guard lock(m_queue.mutex);
            m_queue.closed = true;
        }
        m_queue.changed.notify_all();
        waitForWorker();
        return EnswitchEnvelope::pageFrom(m_parsed, m_reader);
    }

private:
    void run()
    {
        // nlohmann's parser over our adapter directly: sax_parse would wrap it
        // in its own per-byte iterator adapter.
        const bool parsed = nlohmann::detail::parser<Json, ChunkInput>(ChunkInput(m_queue), nullptr, true, false)
                                .sax_parse(&m_reader, true);
        // Notified under the lock: once the owner sees `done` it may destroy us,
        // so nothing here may touch this object after the unlock.
        const std::lock_guard lock(m_queue.mutex);
        m_parsed = parsed;
        m_queue.done = true;
        m_queue.changed.notify_all();
    }

    void waitForWorker()
    {
        {
            std::unique_lock lock(m_queue.mutex);
            m_queue.changed.wait(lock, [this] { return m_queue.done; });
        }
        if (m_ownThread.joinable())
            m_ownThread.join();
    }

    ChunkQueue m_queue;
    EnvelopeReader m_reader;
    bool m_parsed = false; // written by the worker, read after it is done
    std::thread m_ownThread; // only when the pool had no thread free
};

} // namespace

namespace EnswitchParser {

std::unique_ptr<PageStreamParser> pageStreamParser()
{
    return std::make_unique<StreamPageParser>();
}

} // namespace EnswitchParser
