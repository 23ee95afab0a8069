#pragma once
// A minimal strict JSON reader for tests that check --json output (RFC 8259 subset: no
// \u surrogate pairs beyond the BMP). Throws std::runtime_error on malformed input.

#include <cctype>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace curvedoctor::core::test {

struct JsonValue {
    enum class Type { Null, Bool, Number, String, Array, Object } type = Type::Null;
    bool boolean = false;
    double number = 0.0;
    std::string string;
    std::vector<JsonValue> array;
    std::map<std::string, JsonValue> object;

    const JsonValue& operator[](const std::string& k) const {
        const auto it = object.find(k);
        if (type != Type::Object || it == object.end()) throw std::runtime_error("no key " + k);
        return it->second;
    }
    const JsonValue& operator[](std::size_t i) const { return array.at(i); }
};

class JsonTestParser {
public:
    static JsonValue parse(std::string_view text) {
        JsonTestParser p(text);
        JsonValue v = p.value();
        p.ws();
        if (p.m_pos != text.size()) throw std::runtime_error("trailing characters");
        return v;
    }

private:
    explicit JsonTestParser(std::string_view t) : m_text(t) {}
    void ws() {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos])))
            ++m_pos;
    }
    char peek() {
        ws();
        if (m_pos >= m_text.size()) throw std::runtime_error("unexpected end");
        return m_text[m_pos];
    }
    void expect(char c) {
        if (peek() != c) throw std::runtime_error(std::string("expected ") + c);
        ++m_pos;
    }
    bool literal(std::string_view w) {
        if (m_text.substr(m_pos, w.size()) != w) return false;
        m_pos += w.size();
        return true;
    }
    std::string str() {
        expect('"');
        std::string out;
        while (m_pos < m_text.size() && m_text[m_pos] != '"') {
            char c = m_text[m_pos++];
            if (static_cast<unsigned char>(c) < 0x20)
                throw std::runtime_error("control char in string");
            if (c == '\\') {
                if (m_pos >= m_text.size()) throw std::runtime_error("bad escape");
                const char e = m_text[m_pos++];
                switch (e) {
                    case 'n':
                        c = '\n';
                        break;
                    case 't':
                        c = '\t';
                        break;
                    case 'r':
                        c = '\r';
                        break;
                    case 'b':
                        c = '\b';
                        break;
                    case 'f':
                        c = '\f';
                        break;
                    case '/':
                    case '\\':
                    case '"':
                        c = e;
                        break;
                    case 'u': {
                        const unsigned code =
                            std::stoul(std::string(m_text.substr(m_pos, 4)), nullptr, 16);
                        m_pos += 4;
                        if (code < 0x80) {
                            out += static_cast<char>(code);
                        } else if (code < 0x800) {
                            out += static_cast<char>(0xC0 | (code >> 6));
                            out += static_cast<char>(0x80 | (code & 0x3F));
                        } else {
                            out += static_cast<char>(0xE0 | (code >> 12));
                            out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
                            out += static_cast<char>(0x80 | (code & 0x3F));
                        }
                        continue;
                    }
                    default:
                        throw std::runtime_error("bad escape");
                }
            }
            out += c;
        }
        expect('"');
        return out;
    }
    JsonValue value() {
        JsonValue v;
        const char c = peek();
        if (c == '{') {
            ++m_pos;
            v.type = JsonValue::Type::Object;
            if (peek() == '}') {
                ++m_pos;
                return v;
            }
            for (;;) {
                std::string k = str();
                expect(':');
                v.object[k] = value();
                if (peek() == ',') {
                    ++m_pos;
                    continue;
                }
                expect('}');
                return v;
            }
        }
        if (c == '[') {
            ++m_pos;
            v.type = JsonValue::Type::Array;
            if (peek() == ']') {
                ++m_pos;
                return v;
            }
            for (;;) {
                v.array.push_back(value());
                if (peek() == ',') {
                    ++m_pos;
                    continue;
                }
                expect(']');
                return v;
            }
        }
        if (c == '"') {
            v.type = JsonValue::Type::String;
            v.string = str();
            return v;
        }
        if (literal("true")) {
            v.type = JsonValue::Type::Bool;
            v.boolean = true;
            return v;
        }
        if (literal("false")) {
            v.type = JsonValue::Type::Bool;
            return v;
        }
        if (literal("null")) return v;
        std::size_t used = 0;
        const std::string rest(m_text.substr(m_pos, 64));
        if (rest.empty() || !(rest[0] == '-' || std::isdigit(static_cast<unsigned char>(rest[0]))))
            throw std::runtime_error("unexpected character");
        v.number = std::stod(rest, &used);
        v.type = JsonValue::Type::Number;
        m_pos += used;
        return v;
    }
    std::string_view m_text;
    std::size_t m_pos = 0;
};

}  // namespace curvedoctor::core::test
