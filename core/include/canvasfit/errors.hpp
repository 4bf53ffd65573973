// Errors that reach the user. Every one says what is wrong and where.
#pragma once

#include <stdexcept>
#include <string>

namespace canvasfit {

// Bad input: the board cannot be read at all. `where` names the place in the
// input (file name, JSON pointer, note id) so the user can find it.
class InputError : public std::runtime_error {
public:
    InputError(std::string where, const std::string& what)
        : std::runtime_error(what), where_(std::move(where)) {}
    const std::string& where() const { return where_; }

private:
    std::string where_;
};

}  // namespace canvasfit
