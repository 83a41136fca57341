#include "enswitchenvelope.h"
#include "enswitchparser.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <iterator>
#include <mutex>
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
};

// What the SAX parser reads from: the current chunk, refilled from the queue.
// It blocks only the parsing thread, never the one feeding.
class ChunkSource {
public:
    explicit ChunkSource(ChunkQueue &queue)
        : m_queue(queue)
    {
    }

    bool hasByte() { return m_pos < m_chunk.size() || refill(); }
    const char &byte() const { return m_chunk.constData()[m_pos]; }
    void advance() { ++m_pos; }

private:
    bool refill()
    {
        std::unique_lock lock(m_queue.mutex);
        for (;;) {
            m_queue.changed.wait(lock, [this] { return m_queue.aborted || m_queue.closed || !m_queue.chunks.empty(); });
            if (m_queue.aborted || m_queue.chunks.empty())
                return false; // end of input: the parser stops on its own
            m_chunk = std::move(m_queue.chunks.front());
            m_queue.chunks.pop_front();
            m_pos = 0;
            if (!m_chunk.isEmpty())
                return true;
        }
    }

    ChunkQueue &m_queue;
    QByteArray m_chunk;
    qsizetype m_pos = 0;
};

// An input iterator over a ChunkSource; the default one is the end.
class ChunkIterator {
public:
    using iterator_category = std::input_iterator_tag;
    using value_type = char;
    using difference_type = std::ptrdiff_t;
    using pointer = const char *;
    using reference = const char &;

    ChunkIterator() = default;
    explicit ChunkIterator(ChunkSource *source)
        : m_source(source)
    {
    }

    reference operator*() const { return m_source->byte(); }
    ChunkIterator &operator++()
    {
        m_source->advance();
        return *this;
    }
    ChunkIterator operator++(int)
    {
        ChunkIterator before = *this;
        m_source->advance();
        return before;
    }
    bool operator==(const ChunkIterator &other) const { return atEnd() == other.atEnd(); }

private:
    bool atEnd() const { return !m_source || !m_source->hasByte(); }

    ChunkSource *m_source = nullptr;
};

// Runs the same SAX reader as parsePage on a thread of its own, pulling the
// body from a queue as the reply delivers it: rows build up while bytes arrive.
class StreamPageParser final : public PageStreamParser {
    static constexpr qsizetype kPieceSize = 64 * 1024;

public:
    StreamPageParser()
        : m_thread([this] { run(); })
    {
    }

    ~StreamPageParser() override
    {
        {
            const std::lock_guard lock(m_queue.mutex);
            m_queue.aborted = true;
            m_queue.chunks.clear();
        }
        m_queue.changed.notify_all();
        // The worker stops at its current chunk's end, so this wait is short.
        if (m_thread.joinable())
            m_thread.join();
    }

    void feed(QByteArrayView chunk) override
    {
        if (chunk.isEmpty())
            return;
        {
            const std::lock_guard lock(m_queue.mutex);
            if (m_queue.closed || m_queue.aborted)
                return;
            // Bounded pieces: an abort is seen within one piece, so the join in
            // the destructor never waits for a whole large chunk to be parsed.
            for (qsizetype at = 0; at < chunk.size(); at += kPieceSize)
                m_queue.chunks.emplace_back(chunk.data() + at, std::min(kPieceSize, chunk.size() - at));
        }
        m_queue.changed.notify_one();
    }

    PageResult finish() override
    {
        {
            const std::lock_guard lock(m_queue.mutex);
            m_queue.closed = true;
        }
        m_queue.changed.notify_all();
        if (m_thread.joinable())
            m_thread.join();
        return EnswitchEnvelope::pageFrom(m_parsed, m_reader);
    }

private:
    void run()
    {
        ChunkSource source(m_queue);
        m_parsed = Json::sax_parse(ChunkIterator(&source), ChunkIterator(), &m_reader);
    }

    ChunkQueue m_queue;
    EnvelopeReader m_reader;
    bool m_parsed = false; // written by the worker, read after join
    std::thread m_thread; // last: starts once everything it uses exists
};

} // namespace

namespace EnswitchParser {

std::unique_ptr<PageStreamParser> pageStreamParser()
{
    return std::make_unique<StreamPageParser>();
}

} // namespace EnswitchParser
