#pragma once

#include "cdrrecord.h"

#include <string>
#include <vector>

// Writes a nested JSON object or array back out as compact text while a SAX
// reader walks through it, so a record keeps such a field exactly as sent
// without building a DOM. The reader forwards every event to it while active().
class JsonCapture {
public:
    bool active() const { return m_depth > 0; }
    int depth() const { return m_depth; }

    void start(bool isObject);               // the container being kept opens
    void open(bool isObject);                // a container inside it opens
    void key(const std::string &name);       // an object key inside it
    void value(const std::string &json);     // a scalar inside it, as JSON text
    bool close(bool isObject);               // true when the kept container has ended
    NativeValue captured() const;            // after close() returned true: Object or Array with its text

private:
    void separate(); // the comma before a value, unless it follows its key

    int m_depth = 0;
    std::string m_text;
    NativeValue::Kind m_kind = NativeValue::Kind::Object;
    std::vector<bool> m_first; // per open container: nothing written into it yet
    bool m_afterKey = false;
};
