// Fixture: a painter using export's JSON library.
#include <nlohmann/json.hpp>
