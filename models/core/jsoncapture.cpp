#include "jsoncapture.h"

#include <nlohmann/json.hpp>

void JsonCapture::start(bool isObject)
{
    m_kind = isObject ? NativeValue::Kind::Object : NativeValue::Kind::Array;
    m_text.assign(1, isObject ? '{' : '[');
    m_first.assign(1, true);
    m_afterKey = false;
    m_depth = 1;
}

void JsonCapture::open(bool isObject)
{
    separate();
    m_text += isObject ? '{' : '[';
    m_first.push_back(true);
    ++m_depth;
}

void JsonCapture::key(const std::string &name)
{
    separate();
    m_text += nlohmann::json(name).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    m_text += ':';
    m_afterKey = true;
}

void JsonCapture::value(const std::string &json)
{
    separate();
    m_text += json;
}

bool JsonCapture::close(bool isObject)
{
    m_text += isObject ? '}' : ']';
    m_first.pop_back();
    return --m_depth == 0;
}

NativeValue JsonCapture::captured() const
{
    return {m_kind, QString::fromStdString(m_text)};
}

void JsonCapture::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_first.back())
        m_text += ',';
    m_first.back() = false;
}
